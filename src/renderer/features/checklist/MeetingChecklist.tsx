import type { CaseListView } from '../../../shared/api/methods/case-lists';
import { useT } from '../../i18n/useT';
import './checklist.css';

/** The meeting's own missing checklist items: how many cases lack each. */
export function MeetingChecklistSummary({ view }: { view: CaseListView }) {
  const t = useT();
  const c = view.checklist;
  if (view.items.length === 0) return null;
  return (
    <section className={`meeting-checklist banner ${c.missing.length ? 'banner-warn' : 'banner-ok'}`} aria-label={t('checklist.title')}>
      <strong>{t('checklist.title')}</strong>{' '}
      {c.missing.length === 0 ? (
        t('checklist.meetingComplete')
      ) : (
        <>
          {c.casesBeforeOpen > 0 && t('checklist.meetingBeforeOpen', { count: c.casesBeforeOpen })} {t('checklist.meetingMissing')}
          <ul>
            {c.missing.map((m) => (
              <li key={m.item}>{t('checklist.meetingMissingItem', { item: t(`checklist.item.${m.item}`), count: m.count })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
