import type { ReferralChecklist } from '../../../shared/api/methods/checklist';
import { useT } from '../../i18n/useT';
import { Checklist } from './ChecklistPanel';

/** On a referral's own page: its nMDK checklist at each meeting whose case list it is on, the latest first. */
export function ReferralChecklists({ referralId, checklists, onChanged }: { referralId: number; checklists: ReferralChecklist[]; onChanged(): void }) {
  const t = useT();
  if (!checklists.length) return null;
  return (
    <section className="card" aria-labelledby="referral-checklists">
      <h2 id="referral-checklists">{t('checklist.title')}</h2>
      {checklists.map((c) => {
        const at = t('checklist.atMeeting', { date: c.meetingDate });
        return (
          <div key={c.meetingId}>
            <h3>
              <a href={`#/case-lists/${c.meetingId}`}>{at}</a> · {t(`meeting.outcome.${c.outcome}`)}
            </h3>
            <Checklist of={{ meetingId: c.meetingId, referralId, label: `${t('checklist.title')}: ${at}`, entries: c.entries, onTicked: onChanged }} />
          </div>
        );
      })}
    </section>
  );
}
