import { useAppStore } from './store';
import { useT } from '../i18n/useT';

export function LanguageSwitch() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setLanguage = useAppStore((s) => s.setLanguage);
  return (
    <div className="lang-switch" role="group" aria-label={t('nav.language')}>
      <button type="button" aria-pressed={lang === 'sv'} onClick={() => void setLanguage('sv')}>
        Svenska
      </button>
      <button type="button" aria-pressed={lang === 'en'} onClick={() => void setLanguage('en')}>
        English
      </button>
    </div>
  );
}
