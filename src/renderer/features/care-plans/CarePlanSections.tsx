import type { CarePlanDetail, CarePlanInput } from '../../../shared/api/methods/care-plans';
import type { CarePlanTexts } from '../../../shared/domain/care-plan';
import type { MessageKey } from '../../../shared/i18n';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { Field } from '../../ui/Field';
import { DateInput } from '../../ui/DateTimeInputs';
import { FollowUpEditor } from './FollowUpEditor';
import type { SetCarePlanField } from './carePlanDraft';

/** What each section of the editor is given: the plan, the draft, how to change a field, a field's error. */
export interface CarePlanSectionProps {
  plan: CarePlanDetail;
  draft: CarePlanInput;
  set: SetCarePlanField;
  fe: (path: string) => string | null;
  readOnly: boolean;
}

/** The national unit (its phone and address as the patient will see them), contact nurse and physician. */
export function ContactSection({ draft, set, fe, readOnly }: CarePlanSectionProps) {
  const t = useT();
  const units = useAppStore((s) => s.reference?.units ?? []);
  const unit = units.find((u) => u.id === draft.nationalUnitId);
  return (
    <fieldset className="card form-grid" disabled={readOnly}>
      <legend>{t('carePlan.section.contact')}</legend>
      <Field label={t('carePlan.nationalUnit')} error={fe('nationalUnitId')} wide>
        <select value={draft.nationalUnitId ?? ''} onChange={(e) => set('nationalUnitId', e.target.value ? Number(e.target.value) : null)}>
          <option value="" />
          {units
            .filter((u) => u.active || u.id === draft.nationalUnitId)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </select>
      </Field>
      <p className="muted field-wide">
        {unit && (unit.phone || unit.address)
          ? t('carePlan.unitContact', { phone: unit.phone ?? '–', hours: unit.phoneHours ?? '–', address: unit.address ?? '–' })
          : t('carePlan.unitNoContact')}
      </p>
      <Field label={t('carePlan.contactNurse')} error={fe('contactNurse')}>
        <input value={draft.contactNurse ?? ''} onChange={(e) => set('contactNurse', e.target.value)} />
      </Field>
      <Field label={t('carePlan.contactNursePhone')} error={fe('contactNursePhone')}>
        <input value={draft.contactNursePhone ?? ''} onChange={(e) => set('contactNursePhone', e.target.value)} />
      </Field>
      <Field label={t('carePlan.responsiblePhysician')} error={fe('responsiblePhysician')}>
        <input value={draft.responsiblePhysician ?? ''} onChange={(e) => set('responsiblePhysician', e.target.value)} />
      </Field>
    </fieldset>
  );
}

/** The diagnosis (ICD-10-SE code and in plain words), the treatment given and the discharge date. */
export function DiagnosisSection({ plan, draft, set, fe, readOnly }: CarePlanSectionProps) {
  const t = useT();
  return (
    <fieldset className="card form-grid" disabled={readOnly}>
      <legend>{t('carePlan.section.diagnosis')}</legend>
      <Field label={t('carePlan.diagnosisCode')} error={fe('diagnosisCode')}>
        <input value={draft.diagnosisCode ?? ''} onChange={(e) => set('diagnosisCode', e.target.value.toUpperCase())} />
      </Field>
      <DiagnosisText plan={plan} code={draft.diagnosisCode ?? ''} />
      <Field label={t('carePlan.diagnosisPlain')} error={fe('diagnosisPlain')} wide>
        <textarea rows={2} value={draft.diagnosisPlain ?? ''} onChange={(e) => set('diagnosisPlain', e.target.value)} />
      </Field>
      <Field label={t('carePlan.treatmentSummary')} error={fe('treatmentSummary')} wide>
        <textarea rows={3} value={draft.treatmentSummary ?? ''} onChange={(e) => set('treatmentSummary', e.target.value)} />
      </Field>
      <Field label={t('carePlan.dischargeDate')} error={fe('dischargeDate')}>
        <DateInput value={draft.dischargeDate ?? ''} onValue={(v) => set('dischargeDate', v || null)} />
      </Field>
    </fieldset>
  );
}

/**
 * ICD-10-SE's text of the saved code, as the patient will read it; a code outside the shipped list is
 * shown alone (with a note), never with a guessed text. A code typed but not saved yet shows nothing.
 */
function DiagnosisText({ plan, code }: { plan: CarePlanDetail; code: string }) {
  const t = useT();
  if (!code || code.trim().toUpperCase() !== plan.diagnosisCode) return null;
  return (
    <p className="field-wide" aria-label={t('carePlan.diagnosisIcdText')}>
      <strong>{t('carePlan.diagnosisIcdText')}:</strong>{' '}
      {plan.diagnosisIcdText ? (
        plan.diagnosisText
      ) : (
        <>
          {plan.diagnosisCode} <span className="muted">({t('carePlan.diagnosisNotInList')})</span>
        </>
      )}
    </p>
  );
}

/** The follow-up schedule; once finalised, with the dates it came to. */
export function FollowUpSection({ plan, draft, set, fe, readOnly }: CarePlanSectionProps) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="cp-follow-up">
      <h2 id="cp-follow-up">{t('carePlan.section.followUp')}</h2>
      <FollowUpEditor
        items={draft.followUps}
        onChange={(items) => set('followUps', items)}
        readOnly={readOnly}
        fieldError={fe}
        computed={readOnly ? plan.followUps.map((f) => f.date) : undefined}
      />
    </section>
  );
}

/** Groups of the "Min vårdplan" texts as the editor shows them. */
const TEXT_SECTIONS: { titleKey: MessageKey; keys: (keyof CarePlanTexts)[] }[] = [
  { titleKey: 'carePlan.section.rehab', keys: ['rehabilitationNeeds', 'rehabilitationPlan'] },
  { titleKey: 'carePlan.section.advice', keys: ['selfCareAdvice', 'warningSigns', 'callWeekdays', 'callOtherTimes'] },
  { titleKey: 'carePlan.section.practical', keys: ['practicalMatters', 'patientRights'] },
];

/** The patient's texts: rehabilitation, advice and whom to call, practical matters and rights. */
export function TextSections({ draft, set, fe, readOnly }: CarePlanSectionProps) {
  const t = useT();
  return (
    <>
      {TEXT_SECTIONS.map((s) => (
        <fieldset key={s.titleKey} className="card form-grid" disabled={readOnly}>
          <legend>{t(s.titleKey)}</legend>
          {s.keys.map((k) => (
            <Field key={k} label={t(`carePlan.${k}`)} error={fe(k)} wide>
              <textarea rows={3} value={draft[k] ?? ''} onChange={(e) => set(k, e.target.value)} />
            </Field>
          ))}
        </fieldset>
      ))}
    </>
  );
}
