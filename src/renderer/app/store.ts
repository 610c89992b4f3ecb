import { createStore } from '../lib/stores';
import type { SystemInfo, Language } from '../../shared/api/methods/system';
import type { ReferenceData } from '../../shared/domain/reference';
import { api } from '../lib/api';

const LANG_KEY = 'mdk.lang';

interface AppState {
  info: SystemInfo | null;
  reference: ReferenceData | null;
  lang: Language;
  loadError: unknown;
  /** Loads system facts and reference data; called at start and after settings change. */
  refresh(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
}

export const useAppStore = createStore<AppState>((set, get) => ({
  info: null,
  reference: null,
  lang: localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'sv',
  loadError: null,
  async refresh() {
    try {
      const [info, reference] = await Promise.all([api.call('system.info', {}), api.call('reference.get', {})]);
      set({ info, reference, lang: info.language, loadError: null });
      localStorage.setItem(LANG_KEY, info.language);
      document.documentElement.lang = info.language;
    } catch (e) {
      set({ loadError: e });
    }
  },
  async setLanguage(language) {
    set({ lang: language });
    document.documentElement.lang = language;
    localStorage.setItem(LANG_KEY, language); // the sign-in screen speaks it before the database is open
    if (!get().info) return; // not signed in yet: saved in the database at the next choice
    await api.call('settings.setLanguage', { language });
    const info = get().info;
    if (info) set({ info: { ...info, language } });
  },
}));
