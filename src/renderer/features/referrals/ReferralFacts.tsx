import type { ReferralDetail } from '../../../shared/api/methods/referrals';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';

/** Every registered field of the referral, as a definition list; missing ones are marked. */
export function ReferralFacts({ detail }: { detail: ReferralDetail }) {
  const t = useT();
  const reference = useAppStore((s) => s.reference)!;
  const unit = reference.units.find((u) => u.id === detail.referringUnitId);
  const yn = (v: boolean | null) => (v === null ? null : v ? t('common.yes') : t('common.no'));
  const basis = detail.diagnosisBasis === 'pad' ? t('referralForm.pad') : detail.diagnosisBasis === 'clinical' ? t('referralForm.clinical') : null;
  const rows: [string, string | number | null][] = [
    [t('referralForm.unit'), unit ? unit.name : null],
    [t('referral.field.referringPhysician'), detail.referringPhysician],
    [t('referral.field.referringPhone'), detail.referringPhone],
    [t('referralForm.receivedDate'), detail.receivedDate],
    [t('referral.field.suspicionDate'), detail.suspicionDate],
    [t('referral.field.question'), detail.question],
    [t('referral.field.icd10'), detail.icd10],
    [t('referral.field.diagnosisBasis'), basis],
    [t('referral.field.history'), detail.history],
    [t('referral.field.comorbidity'), detail.comorbidity],
    [t('referral.field.ecog'), detail.ecog],
    [t('referral.field.imagingAvailable'), yn(detail.imagingAvailable)],
    [t('referral.field.radiologyReportRef'), detail.radiologyReportRef],
    [t('referral.field.pathologyRef'), detail.pathologyRef],
    [t('referral.field.patientWishes'), detail.patientWishes],
    [t('referral.field.patientInformed'), yn(detail.patientInformed)],
    [t('referral.field.psychosocial'), detail.psychosocial],
    [t('referral.field.patientTold'), detail.patientTold],
    [t('referralForm.notes'), detail.notes],
  ];
  return (
    <section className="card">
      <h2>{t('referral.details')}</h2>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className={value === null || value === '' ? 'muted' : ''}>{value === null || value === '' ? '–' : value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
