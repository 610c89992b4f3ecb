import { createStore } from '../../lib/stores';

/** The chosen care area and period survive leaving the dashboard and coming back. */
interface FollowUpSelection {
  careAreaCode: string;
  from: string;
  to: string;
  set(selection: Partial<Pick<FollowUpSelection, 'careAreaCode' | 'from' | 'to'>>): void;
}

const year = new Date().getFullYear();

export const useFollowUpSelection = createStore<FollowUpSelection>((set) => ({
  careAreaCode: '',
  from: `${year}-01-01`,
  to: `${year}-12-31`,
  set: (selection) => set(selection),
}));
