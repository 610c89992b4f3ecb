import { createStore } from '../../lib/stores';
import type { CarePlanWorklists } from '../../../shared/api/methods/care-plans';
import { api } from '../../lib/api';

interface CarePlanListState {
  lists: CarePlanWorklists | null;
  error: unknown;
  /** Reloads the worklists (after opening the page, creating or finalising a plan). */
  load(): Promise<void>;
}

export const useCarePlanLists = createStore<CarePlanListState>((set) => ({
  lists: null,
  error: null,
  async load() {
    try {
      set({ lists: await api.call('carePlans.worklists', {}), error: null });
    } catch (error) {
      set({ error });
    }
  },
}));
