import { useState } from 'react';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { Field } from '../../ui/Field';
import { NewUnitForm } from './NewUnitForm';
import type { ReferralDraft } from './draft';
import { DateInput } from '../../ui/DateTimeInputs';

interface Props {
  draft: ReferralDraft;
  set<K extends keyof ReferralDraft>(key: K, value: ReferralDraft[K]): void;
  /** Field error for a referral field name. */
  fe(field: string): string | null;
}

/** Every field of a registration (domain.md step 1), each labelled, with its error beneath it. */
export function ReferralFieldsSection({ draft, set, fe }: Props) {
  const t = useT();
  const reference = useAppStore((s) => s.reference)!;
  const lang = useAppStore((s) => s.lang);
  const [addingUnit, setAddingUnit] = useState(false);
  const label = (f: string) => t(`referral.field.${f}`);
  const text = (f: keyof ReferralDraft, max = 200) => (
    <Field label={label(f)} error={fe(f)}>
      <input value={draft[f]} maxLength={max} onChange={(e) => set(f, e.target.value as never)} />
    </Field>
  );
  const area = (f: keyof ReferralDraft, max = 2000) => (
    <Field label={label(f)} error={fe(f)} wide>
      <textarea value={draft[f]} maxLength={max} onChange={(e) => set(f, e.target.value as never)} />
    </Field>
  );
  const yesNo = (f: 'imagingAvailable' | 'patientInformed') => (
    <Field label={label(f)} error={fe(f)}>
      <select value={draft[f]} onChange={(e) => set(f, e.target.value as '')}>
        <option value="">{t('referralForm.notStated')}</option>
        <option value="yes">{t('common.yes')}</option>
        <option value="no">{t('common.no')}</option>
      </select>
    </Field>
  );

  return (
    <>
      <Field label={t('referralForm.careArea')} error={fe('careAreaCode')}>
        <select value={draft.careAreaCode} onChange={(e) => set('careAreaCode', e.target.value)}>
          <option value="" />
          {reference.careAreas
            .filter((a) => a.active || a.code === draft.careAreaCode)
            .map((a) => (
              <option key={a.code} value={a.code}>
                {lang === 'sv' ? a.nameSv : a.nameEn}
              </option>
            ))}
        </select>
      </Field>
      <Field label={t('referralForm.priority')} error={fe('priority')}>
        <select value={draft.priority} onChange={(e) => set('priority', e.target.value as 'normal')}>
          <option value="normal">{t('priority.normal')}</option>
          <option value="urgent">{t('priority.urgent')}</option>
        </select>
      </Field>
      <Field label={t('referralForm.unit')} error={fe('referringUnitId')}>
        <select value={draft.referringUnitId} onChange={(e) => set('referringUnitId', e.target.value)}>
          <option value="">{t('referralForm.pickUnit')}</option>
          {reference.units
            .filter((u) => u.active || String(u.id) === draft.referringUnitId)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
                {u.city ? ` (${u.city})` : ''}
              </option>
            ))}
        </select>
      </Field>
      <div className="field field-end">
        <button type="button" onClick={() => setAddingUnit(true)} disabled={addingUnit}>
          {t('referralForm.addUnit')}
        </button>
      </div>
      {addingUnit && (
        <NewUnitForm
          onCancel={() => setAddingUnit(false)}
          onSaved={(id) => {
            set('referringUnitId', String(id));
            setAddingUnit(false);
          }}
        />
      )}
      {text('referringPhysician')}
      {text('referringPhone', 40)}
      <Field label={t('referralForm.receivedDate')} error={fe('receivedDate')}>
        <DateInput value={draft.receivedDate} onValue={(v) => set('receivedDate', v)} />
      </Field>
      <Field label={label('suspicionDate')} error={fe('suspicionDate')}>
        <DateInput value={draft.suspicionDate} onValue={(v) => set('suspicionDate', v)} />
      </Field>
      {area('question')}
      <Field label={label('icd10')} error={fe('icd10')} hint={t('referralForm.icd10Hint')}>
        <input value={draft.icd10} maxLength={10} onChange={(e) => set('icd10', e.target.value.toUpperCase())} />
      </Field>
      <Field label={label('diagnosisBasis')} error={fe('diagnosisBasis')}>
        <select value={draft.diagnosisBasis} onChange={(e) => set('diagnosisBasis', e.target.value as '')}>
          <option value="">{t('referralForm.notStated')}</option>
          <option value="pad">{t('referralForm.pad')}</option>
          <option value="clinical">{t('referralForm.clinical')}</option>
        </select>
      </Field>
      <Field label={label('ecog')} error={fe('ecog')}>
        <select value={draft.ecog} onChange={(e) => set('ecog', e.target.value)}>
          <option value="">{t('referralForm.notStated')}</option>
          {[0, 1, 2, 3, 4].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </Field>
      {area('history', 20000)}
      {area('comorbidity')}
      {yesNo('imagingAvailable')}
      {text('radiologyReportRef')}
      {text('pathologyRef')}
      {yesNo('patientInformed')}
      {area('patientWishes')}
      {area('psychosocial')}
      {area('patientTold')}
      <Field label={t('referralForm.notes')} error={fe('notes')} wide>
        <textarea value={draft.notes} maxLength={2000} onChange={(e) => set('notes', e.target.value)} />
      </Field>
    </>
  );
}
