import { createStore } from '../../lib/stores';
import type { ReferralListQuery } from '../../../shared/api/methods/referrals';

export type StatusFilter = 'open' | 'all' | NonNullable<ReferralListQuery['statuses']>[number];

interface InboxState {
  careArea: string;
  status: StatusFilter;
  region: string;
  priority: '' | 'urgent' | 'normal';
  search: string;
  sort: NonNullable<ReferralListQuery['sort']>;
  set(patch: Partial<Omit<InboxState, 'set'>>): void;
}

/** The inbox's filters, kept while the user opens a referral and comes back. */
export const useInboxStore = createStore<InboxState>((set) => ({
  careArea: '',
  status: 'open',
  region: '',
  priority: '',
  search: '',
  sort: 'received_desc',
  set: (patch) => set(patch),
}));

export const OPEN_STATUSES = ['received', 'awaiting_completion', 'complete', 'listed', 'discussed'] as const;

export function toQuery(s: InboxState): ReferralListQuery {
  return {
    careAreaCodes: s.careArea ? [s.careArea] : [],
    statuses: s.status === 'all' ? [] : s.status === 'open' ? [...OPEN_STATUSES] : [s.status],
    healthcareRegionCode: s.region || null,
    priority: s.priority || null,
    search: s.search.slice(0, 100),
    sort: s.sort,
  };
}
