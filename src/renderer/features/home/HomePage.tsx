import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { Page } from '../../ui/Page';

/** Start page: the workplace and what it serves. Features add their worklists here. */
export function HomePage() {
  const t = useT();
  const info = useAppStore((s) => s.info)!;
  const reference = useAppStore((s) => s.reference)!;
  const lang = useAppStore((s) => s.lang);
  const unit = reference.units.find((u) => u.id === info.workplace?.unitId);
  const areas = reference.careAreas.filter((a) => info.workplace?.careAreaCodes.includes(a.code));
  return (
    <Page title={unit?.name ?? t('app.name')}>
      <section className="card" aria-label={t('firstRun.careAreas')}>
        <h2>{t('firstRun.careAreas')}</h2>
        <ul className="plain-list">
          {areas.map((a) => (
            <li key={a.code}>{lang === 'sv' ? a.nameSv : a.nameEn}</li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
