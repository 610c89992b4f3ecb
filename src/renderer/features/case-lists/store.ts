import { createStore } from '../../lib/stores';
import type { CaseListView } from '../../../shared/api/methods/case-lists';
import { api } from '../../lib/api';
import { latestOnly } from '../../lib/latest-load';

export interface UndoOffer {
  name: string;
  run(): Promise<unknown>;
  done: string;
}

interface CaseListState {
  view: CaseListView | null;
  error: unknown;
  /** A short confirmation after the last action (e.g. "Postponed to …"). */
  notice: string | null;
  load(meetingId: number): Promise<void>;
  /** Runs a change, then reloads the list; the error (translated by the UI) stays until the next action. */
  act<T>(meetingId: number, change: () => Promise<T>, notice?: string | ((result: T) => string)): Promise<boolean>;
  clearNotice(): void;
  /** The undo offered for a few seconds after a step (postponing): its accessible name, what it runs, the notice after. */
  undo: UndoOffer | null;
  offerUndo(undo: UndoOffer | null): void;
}

/** Only the newest list request counts: a slow answer for the meeting left behind never replaces the one open now. */
const listRequests = latestOnly();

export const useCaseListStore = createStore<CaseListState>((set, get) => ({
  view: null,
  error: null,
  notice: null,
  undo: null,
  async load(meetingId) {
    const current = listRequests.begin();
    try {
      const view = await api.call('caseLists.get', { meetingId });
      if (current()) set({ view, error: null });
    } catch (e) {
      if (current()) set({ error: e });
    }
  },
  async act(meetingId, change, notice) {
    set({ error: null, notice: null, undo: null });
    try {
      const result = await change();
      await get().load(meetingId);
      set({ notice: typeof notice === 'function' ? notice(result) : (notice ?? null) });
      return true;
    } catch (e) {
      set({ error: e });
      await get().load(meetingId);
      set({ error: e });
      return false;
    }
  },
  clearNotice: () => set({ notice: null }),
  offerUndo: (undo) => set({ undo }),
}));
