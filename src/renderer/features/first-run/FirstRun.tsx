import { useT } from '../../i18n/useT';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { WorkplaceForm } from '../settings/WorkplaceForm';
import { LoadDemoButton } from '../demo/LoadDemoButton';

/** First start: the user picks the national unit they work at and the care areas it serves. */
export function FirstRun() {
  const t = useT();
  return (
    <main className="first-run">
      <div className="card first-run-card" aria-labelledby="first-run-title" role="region">
        <div className="first-run-top">
          <h1 id="first-run-title">{t('firstRun.title')}</h1>
          <LanguageSwitch />
        </div>
        <p>{t('firstRun.intro')}</p>
        <WorkplaceForm submitLabel={t('firstRun.start')} />
        <LoadDemoButton />
      </div>
    </main>
  );
}
