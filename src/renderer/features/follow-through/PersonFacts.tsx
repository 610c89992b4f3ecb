import type { CaseSummary } from '../../../shared/api/methods/case-lists';
import { useT } from '../../i18n/useT';

/**
 * What the conference must know about the person, beside the medical facts: comorbidity, performance
 * status, psychosocial situation, the patient's own wishes and what the patient has been told. A
 * missing answer shows as "not stated", so the gap is seen at the meeting.
 */
export function PersonFacts({ item }: { item: CaseSummary }) {
  const t = useT();
  const rows: [string, string | null][] = [
    [t('meeting.comorbidity'), item.comorbidity],
    [t('meeting.ecogShort'), item.ecog === null ? null : String(item.ecog)],
    [t('meeting.psychosocial'), item.psychosocial],
    [t('meeting.wishes'), item.patientWishes],
    [t('meeting.patientTold'), item.patientTold],
    [t('meeting.patientInformed'), item.patientInformed === null ? null : item.patientInformed ? t('trial.yes') : t('trial.no')],
  ];
  return (
    <section className="person-facts" aria-label={t('meeting.person')}>
      <h3>{t('meeting.person')}</h3>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className={value ? '' : 'muted'}>{value || t('meeting.notStated')}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
