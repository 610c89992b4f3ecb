/**
 * Sign-in limits per client address, beside the per-user-name limit of the core (security.ts): one
 * computer guessing at many user names is slowed too. A window of failures, then a pause.
 */
export const MAX_FAILURES_PER_ADDRESS = 20;
export const ADDRESS_PAUSE_MS = 60_000;

export class AddressLimits {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Seconds left to wait, or 0 when this address may try. */
  waitSeconds(address: string): number {
    const f = this.failures.get(address);
    if (!f || f.count < MAX_FAILURES_PER_ADDRESS) return 0;
    const left = f.until - this.clock();
    if (left <= 0) {
      this.failures.delete(address);
      return 0;
    }
    return Math.ceil(left / 1000);
  }

  noteFailure(address: string): void {
    const count = (this.failures.get(address)?.count ?? 0) + 1;
    this.failures.set(address, { count, until: this.clock() + ADDRESS_PAUSE_MS });
  }

  noteSuccess(address: string): void {
    this.failures.delete(address);
  }
}
