import { WISHES_CONSIDERED, type WishesConsidered } from '../../../shared/domain/follow-through';
import type { CaseConsideration } from '../../../shared/api/methods/follow-through';
import { useT } from '../../i18n/useT';
import { Field } from '../../ui/Field';

/** The form's view of the wishes and trial parts ('' = not stated). */
export interface ConsiderationDraft {
  wishesConsidered: WishesConsidered | '';
  wishesHow: string;
  trialConsidered: '' | 'yes' | 'no';
  trialName: string;
  trialEuCtNumber: string;
  trialNotEligibleReason: string;
}

export function considerationDraft(c: CaseConsideration | null | undefined): ConsiderationDraft {
  return {
    wishesConsidered: c?.wishesConsidered ?? '',
    wishesHow: c?.wishesHow ?? '',
    trialConsidered: c?.trialConsidered === true ? 'yes' : c?.trialConsidered === false ? 'no' : '',
    trialName: c?.trialName ?? '',
    trialEuCtNumber: c?.trialEuCtNumber ?? '',
    trialNotEligibleReason: c?.trialNotEligibleReason ?? '',
  };
}

/** The input the recommendation methods take for these fields. */
export function considerationInput(d: ConsiderationDraft) {
  const considered = d.trialConsidered === 'yes';
  return {
    wishesConsidered: d.wishesConsidered || null,
    wishesHow: d.wishesConsidered && d.wishesConsidered !== 'not_known' ? d.wishesHow : null,
    trialConsidered: d.trialConsidered === '' ? null : considered,
    trialName: considered ? d.trialName : null,
    trialEuCtNumber: considered ? d.trialEuCtNumber : null,
    trialNotEligibleReason: considered ? d.trialNotEligibleReason : null,
  };
}

/** In the recommendation form: whether the patient's wishes were taken into account and how; the trial considered. */
export function ConsiderationFields({
  draft,
  onChange,
  fe,
}: {
  draft: ConsiderationDraft;
  onChange(d: ConsiderationDraft): void;
  fe(path: string): string | null;
}) {
  const t = useT();
  const set = <K extends keyof ConsiderationDraft>(k: K, v: ConsiderationDraft[K]) => onChange({ ...draft, [k]: v });
  return (
    <>
      <fieldset className={`checks${fe('wishesConsidered') ? ' field-invalid' : ''}`}>
        <legend>{t('wishes.considered')}</legend>
        {WISHES_CONSIDERED.map((w) => (
          <label key={w} className="check">
            <input type="radio" name="wishesConsidered" checked={draft.wishesConsidered === w} onChange={() => set('wishesConsidered', w)} />
            {t(`wishes.value.${w}`)}
          </label>
        ))}
      </fieldset>
      {draft.wishesConsidered && draft.wishesConsidered !== 'not_known' && (
        <Field label={t('wishes.how')} error={fe('wishesHow')}>
          <textarea value={draft.wishesHow} maxLength={2000} onChange={(e) => set('wishesHow', e.target.value)} />
        </Field>
      )}
      <fieldset className={`checks${fe('trialConsidered') ? ' field-invalid' : ''}`}>
        <legend>{t('trial.considered')}</legend>
        {(['yes', 'no'] as const).map((v) => (
          <label key={v} className="check">
            <input type="radio" name="trialConsidered" checked={draft.trialConsidered === v} onChange={() => set('trialConsidered', v)} />
            {t(`trial.${v}`)}
          </label>
        ))}
        {fe('trialConsidered') && (
          <span className="field-error" role="alert">
            {fe('trialConsidered')}
          </span>
        )}
      </fieldset>
      {draft.trialConsidered === 'yes' && (
        <>
          <Field label={t('trial.name')} error={fe('trialName')}>
            <input value={draft.trialName} maxLength={200} onChange={(e) => set('trialName', e.target.value)} />
          </Field>
          <Field label={t('trial.euCtNumber')} error={fe('trialEuCtNumber')} hint="2023-503456-12-00">
            <input value={draft.trialEuCtNumber} maxLength={40} onChange={(e) => set('trialEuCtNumber', e.target.value)} />
          </Field>
          <Field label={t('trial.notEligibleReason')} error={fe('trialNotEligibleReason')}>
            <textarea value={draft.trialNotEligibleReason} maxLength={2000} onChange={(e) => set('trialNotEligibleReason', e.target.value)} />
          </Field>
        </>
      )}
    </>
  );
}
