import { create } from 'zustand';
import type { SystemInfo, Language } from '../../shared/api/methods/system';
import type { ReferenceData } from '../../shared/domain/reference';
import { api } from '../lib/api';

interface AppState {
  info: SystemInfo | null;
  reference: ReferenceData | null;
  lang: Language;
  loadError: unknown;
  /** Loads system facts and reference data; called at start and after settings change. */
  refresh(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
}

export const useAppStore = create<AppState>((set, get) => ({
  info: null,
  reference: null,
  lang: 'sv',
  loadError: null,
  async refresh() {
    try {
      const [info, reference] = await Promise.all([api.call('system.info', {}), api.call('reference.get', {})]);
      set({ info, reference, lang: info.language, loadError: null });
      document.documentElement.lang = info.language;
    } catch (e) {
      set({ loadError: e });
    }
  },
  async setLanguage(language) {
    set({ lang: language });
    document.documentElement.lang = language;
    await api.call('settings.setLanguage', { language });
    const info = get().info;
    if (info) set({ info: { ...info, language } });
  },
}));
