/** Referral lifecycle (domain.md step 1). Pure: used by the services, the UI and tests. */
export const REFERRAL_STATUSES = ['received', 'awaiting_completion', 'complete', 'listed', 'discussed', 'closed', 'withdrawn'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

const TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  received: ['awaiting_completion', 'complete', 'withdrawn'],
  awaiting_completion: ['complete', 'withdrawn'],
  complete: ['awaiting_completion', 'listed', 'withdrawn'],
  // Unlocking a case list or postponing a case returns it to complete.
  listed: ['complete', 'discussed', 'withdrawn'],
  // A case due for re-discussion is listed again; one sent back after a deviation waits as complete.
  discussed: ['listed', 'closed', 'withdrawn', 'complete'],
  closed: [],
  withdrawn: [],
};

export const isOpenStatus = (s: ReferralStatus) => s !== 'closed' && s !== 'withdrawn';

export function canTransition(from: ReferralStatus, to: ReferralStatus): boolean {
  return TRANSITIONS[from].includes(to);
}
