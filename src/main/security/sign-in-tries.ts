/**
 * The sign-in counters kept in the keystore (throttle.ts has the rules): a try is counted before the
 * passphrase is derived, and a correct passphrase clears its user name and client.
 */
import { invalid } from '../../shared/api/errors';
import type { KeystoreAccess } from './keystore-access';
import { checkThrottle, withThrottle } from './keystore-integrity';
import { clientKey, countTry, nameKey, waitFor } from './throttle';

export class SignInTries {
  constructor(
    private readonly store: KeystoreAccess,
    /** Real time for the delays (tests move it). */
    private readonly clock: () => number,
  ) {}

  /**
   * Counts a try, or refuses it while the user name or the client must wait. Known and unknown names
   * are counted alike, so the answers are the same. Counters edited by hand are refused (tampered).
   */
  count(userName: string, clientId: string): void {
    const now = this.clock();
    const keys = [nameKey(userName), clientKey(clientId)];
    this.store.change((k) => {
      checkThrottle(k);
      const records = k.throttle ?? {};
      const wait = Math.max(...keys.map((key) => waitFor(records[key], now)));
      if (wait > 0) throw invalid('passphrase', 'security.tooManyAttempts', { seconds: Math.ceil(wait / 1000) });
      return withThrottle(k, countTry(records, keys, now));
    });
  }

  /** A correct passphrase: the name's and the client's counts start again. */
  clear(userName: string, clientId: string): void {
    const keys = [nameKey(userName), clientKey(clientId)];
    if (!keys.some((key) => this.store.current?.throttle?.[key])) return;
    this.store.change((k) => {
      const throttle = { ...(k.throttle ?? {}) };
      for (const key of keys) delete throttle[key];
      return withThrottle(k, throttle);
    });
  }
}
