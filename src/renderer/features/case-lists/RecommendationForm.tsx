import { useState } from 'react';
import { INTENTS, type CaseListItem, type Intent } from '../../../shared/api/methods/case-lists';
import { api } from '../../lib/api';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { Field, useFieldErrors } from '../../ui/Field';
import { useCaseListStore } from './store';
import { useSuggestion } from '../security/useCan';
import { ConsiderationFields, considerationDraft, considerationInput } from '../follow-through/ConsiderationFields';
import { isVersionConflict, VersionConflict } from '../team/VersionConflict';
import { RecommendationView } from './RecommendationView';
import { DateInput } from '../../ui/DateTimeInputs';

interface Props {
  meetingId: number;
  item: CaseListItem;
  treatmentOptions: string[];
  /** 'amend' after the meeting is finalised: asks for a reason and keeps the earlier version. */
  mode: 'record' | 'amend';
  onDone(): void;
}

/** The recommendation (behandlingsrekommendation) of one case. */
export function RecommendationForm({ meetingId, item, treatmentOptions, mode, onDone }: Props) {
  const t = useT();
  const noOptions = useSuggestion('caseLists.saveTreatmentOptions', t('recommendation.noOptions'), t('recommendation.noOptionsYet'));
  const units = useAppStore((s) => s.reference?.units ?? []);
  const { act, error } = useCaseListStore();
  const fe = useFieldErrors(error);
  const current = item.recommendations[0];
  const [intent, setIntent] = useState<Intent | ''>(current?.intent ?? '');
  const [treatments, setTreatments] = useState<string[]>(current?.treatments ?? []);
  const [treatmentText, setTreatmentText] = useState(current?.treatmentText ?? '');
  const [place, setPlace] = useState(current?.placeOfTreatment ?? '');
  const [nextStep, setNextStep] = useState(current?.nextStep ?? '');
  const [unitId, setUnitId] = useState<string>(current?.responsibleUnitId ? String(current.responsibleUnitId) : '');
  const [rediscuss, setRediscuss] = useState(current?.rediscussDate ?? '');
  const [reason, setReason] = useState('');
  const [consideration, setConsideration] = useState(() => considerationDraft(item.consideration));
  // The version this form's save is based on (0: none recorded); a newer one on the server is a conflict.
  const [baseVersion, setBaseVersion] = useState(current?.rowVersion ?? 0);
  const [conflict, setConflict] = useState<unknown>(null);
  const [reloaded, setReloaded] = useState(false);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const input = {
      meetingId,
      referralId: item.referralId,
      intent: intent as Intent,
      treatments,
      treatmentText,
      placeOfTreatment: place,
      nextStep,
      responsibleUnitId: unitId ? Number(unitId) : null,
      rediscussDate: rediscuss || null,
      ...considerationInput(consideration),
      expectedVersion: baseVersion,
    };
    const ok = await act(
      meetingId,
      () => (mode === 'amend' ? api.call('recommendations.amend', { ...input, amendmentReason: reason }) : api.call('recommendations.record', input)),
      t('recommendation.saved'),
    );
    // The list is reloaded after a refusal too; the conflict is kept here, with the typed text.
    const refused = ok ? null : useCaseListStore.getState().error;
    setConflict(isVersionConflict(refused) ? refused : null);
    if (ok) onDone();
  }

  /** After a conflict: the newer recommendation (already reloaded with the list) becomes the base. */
  function reloadLatest() {
    setBaseVersion(current?.rowVersion ?? 0);
    setConflict(null);
    setReloaded(true);
    useCaseListStore.setState({ error: null });
  }

  return (
    <form className="recommendation-form" onSubmit={save} aria-label={t('recommendation.title')}>
      <VersionConflict error={conflict} reloaded={reloaded} onReload={reloadLatest} />
      {reloaded && current && <RecommendationView versions={[current]} />}
      <fieldset className={`checks${fe('intent') ? ' field-invalid' : ''}`}>
        <legend>{t('recommendation.intent')}</legend>
        {INTENTS.map((i) => (
          <label key={i} className="check">
            <input type="radio" name="intent" checked={intent === i} onChange={() => setIntent(i)} />
            {t(`recommendation.intent.${i}`)}
          </label>
        ))}
        {fe('intent') && (
          <span className="field-error" role="alert">
            {fe('intent')}
          </span>
        )}
      </fieldset>
      <fieldset className={`checks${fe('treatments') ? ' field-invalid' : ''}`}>
        <legend>{t('recommendation.treatments')}</legend>
        {treatmentOptions.length === 0 && <p className="muted">{noOptions}</p>}
        {treatmentOptions.map((o) => (
          <label key={o} className="check">
            <input
              type="checkbox"
              checked={treatments.includes(o)}
              onChange={(e) => setTreatments(e.target.checked ? [...treatments, o] : treatments.filter((x) => x !== o))}
            />
            {o}
          </label>
        ))}
        {fe('treatments') && (
          <span className="field-error" role="alert">
            {fe('treatments')}
          </span>
        )}
      </fieldset>
      <Field label={t('recommendation.treatmentText')} error={fe('treatmentText')}>
        <textarea value={treatmentText} onChange={(e) => setTreatmentText(e.target.value)} />
      </Field>
      <Field label={t('recommendation.place')} error={fe('placeOfTreatment')}>
        <input value={place} onChange={(e) => setPlace(e.target.value)} />
      </Field>
      <Field label={t('recommendation.nextStep')} error={fe('nextStep')}>
        <textarea value={nextStep} onChange={(e) => setNextStep(e.target.value)} />
      </Field>
      <Field label={t('recommendation.responsibleUnit')} error={fe('responsibleUnitId')}>
        <select value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          <option value="">{t('recommendation.pickUnit')}</option>
          {units
            .filter((u) => u.active)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </select>
      </Field>
      <Field label={t('recommendation.rediscussDate')} error={fe('rediscussDate')}>
        <DateInput value={rediscuss} onValue={(v) => setRediscuss(v)} />
      </Field>
      <ConsiderationFields draft={consideration} onChange={setConsideration} fe={fe} />
      {mode === 'amend' && (
        <Field label={t('recommendation.amendReason')} error={fe('amendmentReason')}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      )}
      <div className="form-actions">
        <button type="submit" className="primary">
          {mode === 'amend' ? t('recommendation.saveAmendment') : t('recommendation.save')}
        </button>
        {mode === 'amend' && (
          <button type="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
