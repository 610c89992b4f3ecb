/** Pure URL rules for the shell: what the window may load and which links open outside. */

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://mdk`;

/** Only the app's own pages; everything else (http, file, javascript:, data:) is refused. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'mdk';
  } catch {
    return false;
  }
}

/**
 * Where a frame may navigate (will-navigate, will-frame-navigate): the main frame only within the app;
 * a sub-frame also to a blob: the app itself made (the hidden frame that prints a PDF).
 */
export function isAllowedFrameNavigation(raw: string, isMainFrame: boolean, isOwnPage: (url: string) => boolean = isAppUrl): boolean {
  if (isOwnPage(raw)) return true;
  if (isMainFrame || !raw.startsWith('blob:')) return false;
  return isOwnPage(raw.slice('blob:'.length));
}

/**
 * External links the system browser may open: https to a short list of public health-care sites.
 * Anything else (other schemes, credentials in the URL, other hosts) is refused.
 */
export const EXTERNAL_HOSTS = ['www.1177.se', '1177.se', 'cancercentrum.se', 'www.cancercentrum.se', 'www.socialstyrelsen.se', 'hl7.org', 'www.hl7.org'];

export function isAllowedExternalUrl(raw: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  return hosts.includes(url.hostname.toLowerCase());
}

/** Maps app://mdk/<path> to a file below the renderer folder, refusing path traversal. */
export function appUrlToRelativePath(raw: string): string | null {
  if (!isAppUrl(raw)) return null;
  const path = decodeURIComponent(new URL(raw).pathname);
  const parts = path.split('/').filter(Boolean);
  if (parts.some((p) => p === '..' || p.includes('\\') || p.includes('\0'))) return null;
  const rel = parts.join('/');
  return rel === '' || !/\.[a-z0-9]+$/i.test(rel) ? 'index.html' : rel;
}
