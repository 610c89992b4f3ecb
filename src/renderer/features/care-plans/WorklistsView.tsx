import { useState } from 'react';
import { api } from '../../lib/api';
import { useApiData } from '../../lib/useApiData';
import { navigate } from '../../app/router';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';
import { Page } from '../../ui/Page';
import { useCareAreaName } from './useCareArea';
import { BatchExport } from './BatchExport';
import './care-plans.css';

/** The care-plan worklists: who lacks a finalised plan, which handovers wait, and every plan. */
export function WorklistsView() {
  const t = useT();
  const areaName = useCareAreaName();
  const { data: lists, error } = useApiData(() => api.call('carePlans.worklists', {}), []);
  const [actionError, setActionError] = useState<unknown>(null);

  async function create(referralId: number) {
    try {
      const { id } = await api.call('carePlans.create', { referralId });
      navigate(`/care-plans/${id}`);
    } catch (e) {
      setActionError(e);
    }
  }

  if (!lists) return <Page title={t('carePlan.title')}>{error ? <ErrorBanner error={error} /> : <p>{t('common.loading')}</p>}</Page>;
  return (
    <Page title={t('carePlan.title')}>
      <ErrorBanner error={actionError} />
      <section className="card" aria-labelledby="cp-missing">
        <h2 id="cp-missing">{t('carePlan.missingTitle')}</h2>
        {lists.missing.length === 0 ? (
          <p className="muted">{t('carePlan.missingEmpty')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>{t('carePlan.patient')}</th>
                <th>{t('carePlan.careArea')}</th>
                <th>{t('carePlan.plannedDischarge')}</th>
                <th>{t('carePlan.discharged')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {lists.missing.map((m) => (
                <tr key={m.referralId}>
                  <td>{m.patientName}</td>
                  <td>{areaName(m.careAreaCode)}</td>
                  <td className="care-plan-date">{m.plannedDischargeDate ?? '–'}</td>
                  <td className="care-plan-date">{m.dischargeDate ?? '–'}</td>
                  <td>
                    {m.draftId ? (
                      <a href={`#/care-plans/${m.draftId}`} aria-label={`${t('carePlan.openDraft')}: ${m.patientName}`}>
                        {t('carePlan.openDraft')}
                      </a>
                    ) : (
                      <button type="button" onClick={() => create(m.referralId)} aria-label={`${t('carePlan.createFromTemplate')}: ${m.patientName}`}>
                        {t('carePlan.createFromTemplate')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="cp-pending">
        <h2 id="cp-pending">{t('carePlan.pendingTitle')}</h2>
        <p className="muted">{t('carePlan.pendingNote', { days: lists.handoverPendingDays })}</p>
        {lists.pendingHandovers.length === 0 ? (
          <p className="muted">{t('carePlan.pendingEmpty')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>{t('carePlan.patient')}</th>
                <th>{t('carePlan.receivingUnit')}</th>
                <th>{t('carePlan.sentDate')}</th>
                <th>{t('carePlan.waited')}</th>
                <th>{t('carePlan.status')}</th>
              </tr>
            </thead>
            <tbody>
              {lists.pendingHandovers.map((h) => (
                <tr key={h.id}>
                  <td>
                    <a href={`#/care-plans/${h.carePlanId}`}>{h.patientName}</a>
                  </td>
                  <td>
                    {h.receivingUnitName} ({h.receivingContactNurse})
                  </td>
                  <td className="care-plan-date">{h.sentDate}</td>
                  <td>
                    {h.overdue ? (
                      <span className="tag tag-warn">{t('carePlan.overdue', { days: h.daysPending })}</span>
                    ) : (
                      t('carePlan.daysPending', { days: h.daysPending })
                    )}
                  </td>
                  <td>{t('carePlan.nationalResponsible')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <NewCarePlan candidates={lists.candidates} onCreate={create} />

      <section className="card" aria-labelledby="cp-recent">
        <h2 id="cp-recent">{t('carePlan.recentTitle')}</h2>
        {lists.recent.length === 0 ? (
          <p className="muted">{t('carePlan.recentEmpty')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>{t('carePlan.patient')}</th>
                <th>{t('carePlan.status')}</th>
                <th>{t('carePlan.dischargeDate')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {lists.recent.map((r) => (
                <tr key={r.id}>
                  <td>{r.patientName}</td>
                  <td>
                    {t(`carePlan.status.${r.status}`)} · {t('carePlan.version', { version: r.version })}
                  </td>
                  <td>{r.dischargeDate ?? '–'}</td>
                  <td>
                    <a href={`#/care-plans/${r.id}`} aria-label={`${t('carePlan.open')}: ${r.patientName}`}>
                      {t('carePlan.open')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <BatchExport />
    </Page>
  );
}

function NewCarePlan({
  candidates,
  onCreate,
}: {
  candidates: { referralId: number; patientName: string; careAreaCode: string }[];
  onCreate: (referralId: number) => Promise<void>;
}) {
  const t = useT();
  const areaName = useCareAreaName();
  const [referralId, setReferralId] = useState('');
  const [missing, setMissing] = useState(false);
  if (candidates.length === 0) return null;
  return (
    <form
      noValidate
      className="card form-grid"
      aria-label={t('carePlan.newTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        setMissing(!referralId);
        if (referralId) void onCreate(Number(referralId));
      }}
    >
      <h2 className="field-wide">{t('carePlan.newTitle')}</h2>
      <Field label={t('carePlan.pickReferral')} error={missing ? t('validation.required') : null} wide>
        <select value={referralId} onChange={(e) => setReferralId(e.target.value)}>
          <option value="">{t('carePlan.pickReferralPlaceholder')}</option>
          {candidates.map((c) => (
            <option key={c.referralId} value={c.referralId}>
              {c.patientName} – {areaName(c.careAreaCode)} (#{c.referralId})
            </option>
          ))}
        </select>
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('carePlan.create')}
        </button>
      </div>
    </form>
  );
}
