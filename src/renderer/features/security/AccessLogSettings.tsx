import { useState } from 'react';
import { ACCESS_ACTIONS, type AccessLogFilter } from '../../../shared/api/methods/security';
import { hasMessage } from '../../../shared/i18n';
import { api } from '../../lib/api';
import { useApiData } from '../../lib/useApiData';
import { downloadFile } from '../../lib/files';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { useSubmit } from '../../lib/useSubmit';
import { DateInput } from '../../ui/DateTimeInputs';

/** 191212121212 → 19121212-1212, as personnummer are read aloud and printed. */
const formatIdentifier = (s: string) => (/^\d{12}$/.test(s) ? `${s.slice(0, 8)}-${s.slice(8)}` : s);

const emptyFilter = { from: '', to: '', userName: '', patientIdentifier: '', action: '' };

/** The access log for spot checks (stickprovskontroller), and a patient's own log extract. */
export function AccessLogSettings() {
  const t = useT();
  const [filter, setFilter] = useState(emptyFilter);
  // The filter last searched for (the newest entries on arrival); each search is a new object, so it runs again.
  const [searched, setSearched] = useState(emptyFilter);
  const log = useApiData(
    () =>
      api.call('accessLog.list', {
        from: searched.from || null,
        to: searched.to || null,
        userName: searched.userName || null,
        patientIdentifier: searched.patientIdentifier || null,
        action: (searched.action || null) as AccessLogFilter['action'],
      }),
    [searched],
  );
  const result = log.data;
  const exportExtract = useSubmit(() => api.call('accessLog.exportPatient', { patientIdentifier: filter.patientIdentifier }), downloadFile);
  const search = (e: React.FormEvent) => {
    e.preventDefault();
    setSearched({ ...filter });
  };
  const error = log.error ?? exportExtract.error;
  const fe = useFieldErrors(error);
  const set = (k: keyof typeof filter) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setFilter({ ...filter, [k]: e.target.value });
  // ÅÅÅÅ-MM-DD HH:MM:SS in either language.
  const time = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Stockholm' });

  return (
    <div className="settings-section">
      <p className="muted">{t('accessLog.intro')}</p>
      <form className="card log-filters" onSubmit={search} aria-label={t('accessLog.filters')}>
        <ErrorBanner error={error} />
        <Field label={t('accessLog.from')} error={fe('from')}>
          <DateInput value={filter.from} onValue={(from) => setFilter({ ...filter, from })} />
        </Field>
        <Field label={t('accessLog.to')} error={fe('to')}>
          <DateInput value={filter.to} onValue={(to) => setFilter({ ...filter, to })} />
        </Field>
        <Field label={t('accessLog.userName')} error={fe('userName')}>
          <input value={filter.userName} onChange={set('userName')} />
        </Field>
        <Field label={t('accessLog.patient')} hint={t('accessLog.patientHint')} error={fe('patientIdentifier')}>
          <input value={filter.patientIdentifier} onChange={set('patientIdentifier')} />
        </Field>
        <Field label={t('accessLog.action')} error={fe('action')}>
          <select value={filter.action} onChange={set('action')}>
            <option value="">{t('accessLog.allActions')}</option>
            {ACCESS_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`accessLog.action.${a}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="form-actions field-wide">
          <button className="primary" type="submit" disabled={log.loading}>
            {t('accessLog.search')}
          </button>
          <button type="button" disabled={exportExtract.busy} onClick={() => void exportExtract.submit()}>
            {t('accessLog.exportPatient')}
          </button>
        </div>
      </form>
      {result && result.entries.length === 0 && <p className="muted">{t('accessLog.empty')}</p>}
      {result && result.entries.length > 0 && (
        <table className="table" aria-label={t('accessLog.title')}>
          <thead>
            <tr>
              <th>{t('accessLog.at')}</th>
              <th>{t('accessLog.user')}</th>
              <th>{t('accessLog.role')}</th>
              <th>{t('accessLog.unit')}</th>
              <th>{t('accessLog.patient')}</th>
              <th>{t('accessLog.action')}</th>
              <th>{t('accessLog.object')}</th>
            </tr>
          </thead>
          <tbody>
            {result.entries.map((e) => (
              <tr key={e.id}>
                <td className="nowrap">{time.format(new Date(e.at))}</td>
                <td>
                  {e.userFullName} <span className="muted">({e.userName})</span>
                </td>
                <td>{t(`role.${e.role}`)}</td>
                <td>{e.unitName}</td>
                <td className="nowrap">{e.patientIdentifier ? formatIdentifier(e.patientIdentifier) : `#${e.patientId}`}</td>
                <td>{t(`accessLog.action.${e.action}`)}</td>
                <td>
                  {hasMessage(`accessLog.object.${e.objectType}`) ? t(`accessLog.object.${e.objectType}`) : e.objectType} {e.objectId}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result?.truncated && <p className="muted">{t('accessLog.truncated', { count: result.entries.length })}</p>}
    </div>
  );
}
