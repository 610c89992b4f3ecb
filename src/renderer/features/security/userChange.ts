import type { AuthStatus } from '../../../shared/api/methods/security';
import { resetAllStores } from '../../lib/stores';

/** The start page every sign-in lands on (the home page), whatever page the window showed before. */
const START_PAGE = '#/';

/**
 * When the user of this window signs out or another user takes it over (sign-in after a lock), every
 * store is reset and the address leaves the previous user's page; a sign-in lands on the start page.
 * A reload with a session still signed in (`before` null) keeps its page.
 */
export function afterUserChange(before: AuthStatus | null, after: AuthStatus): void {
  if (!before) return;
  const previous = before.user?.id ?? null;
  const next = after.user?.id ?? null;
  if (previous === next) return;
  if (previous !== null) resetAllStores();
  if (window.location.hash !== START_PAGE && (previous !== null || next !== null)) window.location.replace(START_PAGE);
}
