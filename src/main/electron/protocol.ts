import { protocol, net } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME, appUrlToRelativePath } from './url-allowlist';
import { CONTENT_SECURITY_POLICY } from '../transport/csp';

/** Must run before app ready: app:// behaves like a secure standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer from app://mdk/ with the strict CSP. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const rel = appUrlToRelativePath(request.url);
    if (!rel) return new Response('Not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(join(rendererDir, rel)).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}
