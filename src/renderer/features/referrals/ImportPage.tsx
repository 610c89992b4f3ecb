import { useState } from 'react';
import type { ImportReport, ImportRowView } from '../../../shared/api/methods/referrals';
import { IMPORT_MAX_BYTES } from '../../../shared/api/methods/referrals';
import { translate } from '../../../shared/i18n';
import { useAppStore } from '../../app/store';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { Page } from '../../ui/Page';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { ApiError } from '../../../shared/api/errors';
import { VirtualTable, type Column } from './VirtualTable';
import { careAreaName, fileToBase64 } from './labels';
import { FilePicker } from '../../ui/FilePicker';

/** CSV import: pick a file → preview (every row valid or rejected, with reason) → confirm → one transaction. */
export function ImportPage() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const reference = useAppStore((s) => s.reference)!;
  const [markComplete, setMarkComplete] = useState(true);
  const [file, setFile] = useState<{ fileName: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [fileName, setFileName] = useState('');
  const fe = useFieldErrors(error);

  async function pick(picked: File | undefined) {
    setPreview(null);
    setDone(null);
    setError(null);
    setFile(null);
    if (!picked) return;
    setFileName(picked.name);
    if (picked.size > IMPORT_MAX_BYTES) {
      setError(new ApiError('validation', 'error.validation', undefined, [{ path: 'file', messageKey: 'import.tooLarge' }]));
      return;
    }
    setBusy(true);
    try {
      const input = { fileName: picked.name.slice(0, 255), base64: await fileToBase64(picked) };
      setPreview(await api.call('referrals.importPreview', input));
      setFile(input);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!file) return;
    setBusy(true);
    try {
      setDone(await api.call('referrals.importCommit', { ...file, markComplete: markComplete && completeRows > 0 }));
      setPreview(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const columns: Column<ImportRowView>[] = [
    { key: 'row', header: t('import.col.row'), width: '4rem', render: (r) => r.row },
    {
      key: 'result',
      header: t('import.col.result'),
      width: '9rem',
      render: (r) => <span className={`import-${r.status}`}>{t(`import.status.${r.status}`)}</span>,
    },
    { key: 'patient', header: t('referrals.col.patient'), width: 'minmax(8rem, 1.2fr)', render: (r) => r.patientName },
    { key: 'id', header: t('referrals.col.identifier'), width: '9.5rem', render: (r) => r.identifier },
    {
      key: 'area',
      header: t('referrals.col.careArea'),
      width: 'minmax(10rem, 1.6fr)',
      wrap: true,
      render: (r) => (r.careAreaCode ? careAreaName(reference, r.careAreaCode, lang) : ''),
    },
    {
      key: 'complete',
      header: t('import.col.complete'),
      width: 'minmax(12rem, 2fr)',
      wrap: true,
      render: (r) =>
        r.missing === undefined
          ? ''
          : r.missing.length === 0
            ? t('import.complete.yes')
            : t('import.complete.lacks', { fields: r.missing.map((m) => t(`referral.field.${m}`)).join(', ') }),
    },
    {
      key: 'reason',
      header: t('import.col.reason'),
      width: 'minmax(10rem, 2fr)',
      wrap: true,
      render: (r) =>
        r.reasonKey ? (
          `${r.column ? r.column + ': ' : ''}${translate(lang, r.reasonKey, r.reasonParams)}`
        ) : r.warningKey ? (
          <span className="import-warning">
            <strong>{t('import.warningLabel')}:</strong> {translate(lang, r.warningKey, r.warningParams)}
          </span>
        ) : (
          ''
        ),
    },
  ];
  const report = done ?? preview;
  const warnings = preview ? preview.rows.filter((r) => r.status === 'valid' && r.warningKey).length : 0;
  const completeRows = preview?.rows.filter((r) => r.status === 'valid' && r.missing?.length === 0).length ?? 0;

  return (
    <Page
      title={t('import.title')}
      actions={
        <a className="button" href="#/referrals">
          {t('referral.back')}
        </a>
      }
    >
      <div className="card">
        <Field label={t('import.file')} error={fe('file')} hint={t('import.help')}>
          <FilePicker accept=".csv,.txt,text/csv" disabled={busy} fileName={fileName} onPick={(picked) => void pick(picked)} />
        </Field>
        {error && !fe('file') ? <ErrorBanner error={error} /> : null}
      </div>
      {done && (
        <p className="banner banner-ok" role="status">
          {done.counts.imported ? t('import.done', { n: done.counts.imported }) : t('import.nothingNew')}
          {done.counts.markedComplete ? ` ${t('import.markedComplete', { count: done.counts.markedComplete })}` : ''}
        </p>
      )}
      {report && (
        <>
          <p aria-live="polite">
            {fileName && <strong>{fileName}: </strong>}
            {t('import.summary', report.counts)}
          </p>
          {warnings > 0 && (
            <p className="banner banner-warn" role="status">
              {t('import.warnings', { n: warnings })}
            </p>
          )}
          {preview && (
            <div className="toolbar">
              {completeRows > 0 && (
                <label className="check">
                  <input type="checkbox" checked={markComplete} onChange={(e) => setMarkComplete(e.target.checked)} />
                  {t('import.markComplete', { count: completeRows })}
                </label>
              )}
              <button type="button" className="primary" onClick={confirm} disabled={busy || preview.counts.valid === 0}>
                {t('import.confirm', { n: preview.counts.valid })}
              </button>
            </div>
          )}
          <VirtualTable
            rows={report.rows}
            columns={columns}
            rowKey={(r) => r.row}
            label={t('import.title')}
            rowClass={(r) => `import-row-${r.status}${r.warningKey ? ' import-row-warning' : ''}`}
            height="55vh"
          />
        </>
      )}
    </Page>
  );
}
