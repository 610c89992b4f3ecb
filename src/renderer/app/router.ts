import { useSyncExternalStore } from 'react';

/** Hash routes (#/referrals/12): survive a reload, work the same under app:// and http://. */
export function currentPath(): string {
  const h = window.location.hash.replace(/^#/, '');
  return h.startsWith('/') ? h : '/';
}

export function navigate(path: string): void {
  window.location.hash = path;
}

function subscribe(cb: () => void) {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** The path's segments after the feature's root, e.g. "/referrals/12" → ["referrals", "12"]. */
export function pathSegments(path: string): string[] {
  return path.split('/').filter(Boolean);
}
