import { createStore } from '../../lib/stores';

/** The calendar's own view state: which care area is shown (kept while moving between tabs). */
interface CalendarState {
  careAreaCode: string;
  setCareArea(code: string): void;
  /** Bumped after a change so open views reload. */
  version: number;
  changed(): void;
}

export const useCalendarStore = createStore<CalendarState>((set) => ({
  careAreaCode: '',
  setCareArea: (careAreaCode) => set({ careAreaCode }),
  version: 0,
  changed: () => set((s) => ({ version: s.version + 1 })),
}));
