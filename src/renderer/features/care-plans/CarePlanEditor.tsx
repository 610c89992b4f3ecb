import { useEffect, useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import type { CarePlanDetail, CarePlanInput } from '../../../shared/api/methods/care-plans';
import { displayIdentifier, TEXT_KEYS, type CarePlanTexts } from '../../../shared/domain/care-plan';
import { useAppStore } from '../../app/store';
import { navigate } from '../../app/router';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { Page } from '../../ui/Page';
import { FollowUpEditor } from './FollowUpEditor';
import { HandoverPanel } from './HandoverPanel';
import { ExportActions } from './ExportActions';
import { VersionConflict } from '../team/VersionConflict';
import './care-plans.css';
import type { MessageKey } from '../../../shared/i18n';
import { DateInput } from '../../ui/DateTimeInputs';

const toInput = (p: CarePlanDetail): CarePlanInput => ({
  id: p.id,
  nationalUnitId: p.nationalUnitId,
  contactNurse: p.contactNurse ?? '',
  contactNursePhone: p.contactNursePhone ?? '',
  responsiblePhysician: p.responsiblePhysician ?? '',
  diagnosisCode: p.diagnosisCode ?? '',
  diagnosisPlain: p.diagnosisPlain ?? '',
  treatmentSummary: p.treatmentSummary ?? '',
  dischargeDate: p.dischargeDate,
  ...(Object.fromEntries(TEXT_KEYS.map((k) => [k, p[k]])) as unknown as CarePlanTexts),
  followUps: p.followUps.map(({ date: _date, ...f }) => f),
});

/** Groups of the "Min vårdplan" texts as the editor shows them. */
const TEXT_SECTIONS: { titleKey: MessageKey; keys: (keyof CarePlanTexts)[] }[] = [
  { titleKey: 'carePlan.section.rehab', keys: ['rehabilitationNeeds', 'rehabilitationPlan'] },
  { titleKey: 'carePlan.section.advice', keys: ['selfCareAdvice', 'warningSigns', 'callWeekdays', 'callOtherTimes'] },
  { titleKey: 'carePlan.section.practical', keys: ['practicalMatters', 'patientRights'] },
];

/** One care-plan version: sections editable while a draft, read-only once finalised. */
export function CarePlanEditor({ id }: { id: number }) {
  const t = useT();
  const units = useAppStore((s) => s.reference?.units ?? []);
  const [plan, setPlan] = useState<CarePlanDetail | null>(null);
  const [draft, setDraft] = useState<CarePlanInput | null>(null);
  const [confirmFinalise, setConfirmFinalise] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reloaded, setReloaded] = useState(false);
  const fe = useFieldErrors(error);

  useEffect(() => {
    api.call('carePlans.get', { id }).then(
      (p) => {
        setPlan(p);
        setDraft(toInput(p));
      },
      setError,
    );
  }, [id]);

  // A refused save or finalise moves focus to the first field with an error (it may be far down the
  // page); without field issues the summary banner is brought into view.
  useEffect(() => {
    if (!error) return;
    const field = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (field) field.focus();
    else document.querySelector('.banner-error')?.scrollIntoView({ block: 'center' });
  }, [error]);

  if (!plan || !draft) return <Page title={t('carePlan.title')}>{error ? <ErrorBanner error={error} /> : <p>{t('common.loading')}</p>}</Page>;
  const readOnly = plan.status !== 'draft';
  const set = <K extends keyof CarePlanInput>(key: K, value: CarePlanInput[K]) => setDraft({ ...draft, [key]: value });
  const loaded = (p: CarePlanDetail, message: string | null) => {
    setPlan(p);
    setDraft(toInput(p));
    setError(null);
    setNotice(message);
  };

  async function save(e?: React.FormEvent) {
    e?.preventDefault();
    try {
      // Based on the version this editor loaded: someone else's save since then is a conflict, not overwritten.
      loaded(await api.call('carePlans.save', { ...draft!, expectedVersion: plan!.rowVersion }), t('common.saved'));
      setReloaded(false);
      return true;
    } catch (err) {
      setError(err);
      setNotice(null);
      return false;
    }
  }

  /** After a conflict: the newer version becomes the save's base; the editor keeps the user's text. */
  async function reloadLatest() {
    try {
      setPlan(await api.call('carePlans.get', { id }));
      setError(null);
      setReloaded(true);
    } catch (err) {
      setError(err);
    }
  }

  async function finalise() {
    if (!(await save())) return;
    try {
      loaded(await api.call('carePlans.finalise', { id }), t('carePlan.finalised'));
    } catch (err) {
      setError(err);
      setNotice(null);
    }
  }

  async function newVersion() {
    try {
      const { id: newId } = await api.call('carePlans.newVersion', { id });
      navigate(`/care-plans/${newId}`);
    } catch (err) {
      setError(err);
    }
  }

  const unit = units.find((u) => u.id === draft.nationalUnitId);
  const latest = plan.versions[0]?.id === plan.id;
  return (
    <Page
      title={t('carePlan.heading', { name: plan.patientName })}
      actions={
        <a href="#/care-plans" className="link">
          {t('carePlan.back')}
        </a>
      }
    >
      <p>
        <span className={`tag tag-${plan.status}`}>{t(`carePlan.status.${plan.status}`)}</span> {t('carePlan.version', { version: plan.version })}
        {plan.patientIdentifier && <> · {displayIdentifier(plan.patientIdentifier)}</>}
      </p>
      {plan.finalisedAt && <p className="muted">{t('carePlan.finalisedBy', { at: plan.finalisedAt.slice(0, 10), by: plan.finalisedBy ?? '' })}</p>}
      {plan.recommendation?.treatmentText && <p className="muted">{t('carePlan.recommendation', { text: plan.recommendation.treatmentText })}</p>}
      <ErrorBanner error={error} />
      <VersionConflict error={error} reloaded={reloaded} onReload={() => void reloadLatest()} />
      {notice && (
        <p className="banner banner-ok" role="status">
          {notice}
        </p>
      )}
      <form noValidate onSubmit={save} aria-label={t('carePlan.heading', { name: plan.patientName })}>
        <fieldset className="card form-grid" disabled={readOnly}>
          <legend>{t('carePlan.section.contact')}</legend>
          <Field label={t('carePlan.nationalUnit')} error={fe('nationalUnitId')} wide>
            <select value={draft.nationalUnitId ?? ''} onChange={(e) => set('nationalUnitId', e.target.value ? Number(e.target.value) : null)}>
              <option value="" />
              {units.filter((u) => u.active || u.id === draft.nationalUnitId).map((u) => (
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
        <div className="form-actions sticky-actions">
          {!readOnly && (
            <>
              <button type="submit">{t('carePlan.saveDraft')}</button>
              <button type="button" className="primary" onClick={() => setConfirmFinalise(true)}>
                {t('carePlan.finalise')}
              </button>
              {confirmFinalise && (
                <ConfirmDialog
                  title={t('carePlan.finaliseConfirm.title')}
                  onCancel={() => setConfirmFinalise(false)}
                  actions={[
                    {
                      label: t('carePlan.finaliseConfirm.action'),
                      primary: true,
                      onConfirm: () => {
                        setConfirmFinalise(false);
                        void finalise();
                      },
                    },
                  ]}
                >
                  <p>{t('carePlan.finaliseConfirm.body')}</p>
                </ConfirmDialog>
              )}
            </>
          )}
          {plan.status === 'finalised' && latest && (
            <button type="button" onClick={newVersion}>
              {t('carePlan.newVersion')}
            </button>
          )}
        </div>
      </form>
      <HandoverPanel plan={plan} onChanged={(p) => loaded(p, null)} />
      <ExportActions plan={plan} />
      <section className="card" aria-labelledby="cp-history">
        <h2 id="cp-history">{t('carePlan.section.history')}</h2>
        <ul className="plain-list">
          {plan.versions.map((v) => (
            <li key={v.id}>
              {v.id === plan.id ? <strong>{t('carePlan.version', { version: v.version })}</strong> : <a href={`#/care-plans/${v.id}`}>{t('carePlan.version', { version: v.version })}</a>} –{' '}
              {t(`carePlan.status.${v.status}`)}
              {v.finalisedAt && ` ${v.finalisedAt.slice(0, 10)} (${v.finalisedBy})`}
            </li>
          ))}
        </ul>
      </section>
    </Page>
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
      <strong>{t('carePlan.diagnosisIcdText')}:</strong> {plan.diagnosisIcdText ? plan.diagnosisText : <>{plan.diagnosisCode} <span className="muted">({t('carePlan.diagnosisNotInList')})</span></>}
    </p>
  );
}
