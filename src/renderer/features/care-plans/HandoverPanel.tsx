import { useState } from 'react';
import type { CarePlanDetail } from '../../../shared/api/methods/care-plans';
import { useAppStore } from '../../app/store';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { DateInput } from '../../ui/DateTimeInputs';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Active handover (aktiv överlämning): record where the plan was sent, then the receiving side's
 * confirmation. Until it is recorded the national unit stays responsible, and this says so.
 */
export function HandoverPanel({ plan, onChanged }: { plan: CarePlanDetail; onChanged: (p: CarePlanDetail) => void }) {
  const t = useT();
  const h = plan.handover;
  return (
    <section className="card" aria-labelledby="cp-handover">
      <h2 id="cp-handover">{t('carePlan.section.handover')}</h2>
      {!h && plan.status === 'draft' && <p className="muted">{t('carePlan.handover.needsFinalised')}</p>}
      {!h && <p>{t('carePlan.handover.none')}</p>}
      {!h && plan.status === 'finalised' && <SendForm plan={plan} onChanged={onChanged} />}
      {h && (
        <p>
          {t('carePlan.receivingUnit')}: {h.receivingUnitName} · {t('carePlan.receivingNurse')}: {h.receivingContactNurse} · {t('carePlan.sentDate')}:{' '}
          {h.sentDate}
        </p>
      )}
      {h?.status === 'pending' && (
        <>
          <p className={`banner ${h.overdue ? 'banner-warn' : 'banner-ok'}`} role="status">
            {t('carePlan.handover.pending', { date: h.sentDate, days: h.daysPending })}
          </p>
          <ConfirmForm plan={plan} onChanged={onChanged} />
        </>
      )}
      {h?.status === 'confirmed' && (
        <p className="banner banner-ok" role="status">
          {t('carePlan.handover.confirmedText', { date: h.confirmedDate ?? '', by: h.confirmedBy ?? '', unit: h.receivingUnitName })}
        </p>
      )}
    </section>
  );
}

function SendForm({ plan, onChanged }: { plan: CarePlanDetail; onChanged: (p: CarePlanDetail) => void }) {
  const t = useT();
  const units = useAppStore((s) => s.reference?.units ?? []);
  const [unitId, setUnitId] = useState('');
  const [nurse, setNurse] = useState('');
  const [sentDate, setSentDate] = useState(today);
  const [error, setError] = useState<unknown>(null);
  const fe = useFieldErrors(error);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    try {
      onChanged(
        await api.call('carePlans.sendHandover', {
          carePlanId: plan.id,
          receivingUnitId: Number(unitId) || (undefined as unknown as number),
          receivingContactNurse: nurse,
          sentDate,
        }),
      );
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form noValidate className="form-grid" onSubmit={submit} aria-label={t('carePlan.handover.send')}>
      <ErrorBanner error={error} />
      <Field label={t('carePlan.receivingUnit')} error={fe('receivingUnitId')} wide>
        <select value={unitId} onChange={(e) => setUnitId(e.target.value)}>
          <option value="" />
          {units
            .filter((u) => u.active)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </select>
      </Field>
      <Field label={t('carePlan.receivingNurse')} error={fe('receivingContactNurse')}>
        <input value={nurse} onChange={(e) => setNurse(e.target.value)} />
      </Field>
      <Field label={t('carePlan.sentDate')} error={fe('sentDate')}>
        <DateInput value={sentDate} onValue={(v) => setSentDate(v)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('carePlan.handover.send')}
        </button>
      </div>
    </form>
  );
}

function ConfirmForm({ plan, onChanged }: { plan: CarePlanDetail; onChanged: (p: CarePlanDetail) => void }) {
  const t = useT();
  const [confirmedDate, setConfirmedDate] = useState(today);
  const [confirmedBy, setConfirmedBy] = useState('');
  const [error, setError] = useState<unknown>(null);
  const fe = useFieldErrors(error);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    try {
      onChanged(await api.call('carePlans.confirmHandover', { carePlanId: plan.id, confirmedDate, confirmedBy }));
    } catch (err) {
      setError(err);
    }
  }
  return (
    <form noValidate className="form-grid" onSubmit={submit} aria-label={t('carePlan.handover.confirm')}>
      <ErrorBanner error={error} />
      <Field label={t('carePlan.handover.confirmedDate')} error={fe('confirmedDate')}>
        <DateInput value={confirmedDate} onValue={(v) => setConfirmedDate(v)} />
      </Field>
      <Field label={t('carePlan.handover.confirmedBy')} error={fe('confirmedBy')}>
        <input value={confirmedBy} onChange={(e) => setConfirmedBy(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('carePlan.handover.confirm')}
        </button>
      </div>
    </form>
  );
}
