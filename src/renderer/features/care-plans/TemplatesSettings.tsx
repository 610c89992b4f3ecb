import { useEffect, useState } from 'react';
import type { CarePlanTemplateInput } from '../../../shared/api/methods/care-plans';
import { TEXT_KEYS, type CarePlanTemplate } from '../../../shared/domain/care-plan';
import { api } from '../../lib/api';
import { useApiData } from '../../lib/useApiData';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { FollowUpEditor } from './FollowUpEditor';
import { useCareAreaName } from './useCareArea';
import './care-plans.css';

const toInput = ({ saved: _saved, ...tpl }: CarePlanTemplate): CarePlanTemplateInput => tpl;

/** Settings tab "Vårdplansmallar": per care area the default follow-up schedule and advice texts. */
export function TemplatesSettings() {
  const t = useT();
  const areaName = useCareAreaName();
  const [templates, setTemplates] = useState<CarePlanTemplate[] | null>(null);
  const [days, setDays] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [daysError, setDaysError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const loaded = useApiData(() => api.call('carePlans.templates', {}), []);
  useEffect(() => {
    const r = loaded.data;
    if (!r) return;
    setTemplates(r.templates);
    setDays(String(r.handoverPendingDays));
    setCode((c) => c || r.templates[0]?.careAreaCode || '');
  }, [loaded.data]);

  const fe = useFieldErrors(error);
  const daysFe = useFieldErrors(daysError);
  if (!templates) return <div className="settings-section">{loaded.error ? <ErrorBanner error={loaded.error} /> : <p>{t('common.loading')}</p>}</div>;
  const current = templates.find((x) => x.careAreaCode === code);
  const update = (next: CarePlanTemplateInput) => setTemplates(templates.map((x) => (x.careAreaCode === code ? ({ ...x, ...next } as CarePlanTemplate) : x)));

  async function saveTemplate(e: React.FormEvent) {
    e.preventDefault();
    try {
      const saved = await api.call('carePlans.saveTemplate', toInput(current!));
      setTemplates(templates!.map((x) => (x.careAreaCode === saved.careAreaCode ? saved : x)));
      setError(null);
      setNotice(t('carePlan.templates.saved'));
    } catch (err) {
      setError(err);
      setNotice(null);
    }
  }

  async function saveDays(e: React.FormEvent) {
    e.preventDefault();
    try {
      const r = await api.call('carePlans.saveSettings', { handoverPendingDays: days === '' ? (NaN as number) : Number(days) });
      setDays(String(r.handoverPendingDays));
      setDaysError(null);
      setNotice(t('common.saved'));
    } catch (err) {
      setDaysError(err);
    }
  }

  return (
    <div className="settings-section">
      <p className="muted">{t('carePlan.templates.intro')}</p>
      {notice && (
        <p className="banner banner-ok" role="status">
          {notice}
        </p>
      )}
      <form noValidate className="card form-grid" onSubmit={saveDays} aria-label={t('carePlan.section.handover')}>
        <Field label={t('carePlan.settings.pendingDays')} error={daysFe('handoverPendingDays')}>
          <input type="number" min={1} max={365} value={days} onChange={(e) => setDays(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit">{t('carePlan.settings.save')}</button>
        </div>
      </form>
      <div className="toolbar">
        <Field label={t('carePlan.careArea')}>
          <select value={code} onChange={(e) => setCode(e.target.value)}>
            {templates.map((x) => (
              <option key={x.careAreaCode} value={x.careAreaCode}>
                {areaName(x.careAreaCode)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {current && (
        <form noValidate className="card" onSubmit={saveTemplate} aria-label={t('carePlan.templates')}>
          <ErrorBanner error={error} />
          {!current.saved && <p className="muted">{t('carePlan.templates.default')}</p>}
          <h3>{t('carePlan.section.followUp')}</h3>
          <FollowUpEditor items={current.followUps} onChange={(followUps) => update({ ...toInput(current), followUps })} fieldError={fe} />
          <div className="form-grid">
            {TEXT_KEYS.map((k) => (
              <Field key={k} label={t(`carePlan.${k}`)} error={fe(k)} wide>
                <textarea rows={3} value={current[k]} onChange={(e) => update({ ...toInput(current), [k]: e.target.value })} />
              </Field>
            ))}
          </div>
          <div className="form-actions">
            <button type="submit" className="primary">
              {t('carePlan.templates.save')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
