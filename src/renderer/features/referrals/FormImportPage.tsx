import { useState } from 'react';
import type { FormImportReport, FormImportRow } from '../../../shared/api/methods/referral-forms';
import { FORM_FILE_MAX_BYTES, FORMS_PER_CALL } from '../../../shared/api/methods/referral-forms';
import { translate } from '../../../shared/i18n';
import { ApiError } from '../../../shared/api/errors';
import { useAppStore } from '../../app/store';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { Page } from '../../ui/Page';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { VirtualTable, type Column } from './VirtualTable';
import { fileToBase64 } from './labels';

type Files = { fileName: string; base64: string }[];

/** Filled registration forms: pick PDFs → preview (each form valid or refused, with reason) → confirm → one transaction. */
export function FormImportPage() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const [files, setFiles] = useState<Files | null>(null);
  const [preview, setPreview] = useState<FormImportReport | null>(null);
  const [done, setDone] = useState<FormImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fe = useFieldErrors(error);

  async function pick(picked: File[]) {
    setPreview(null);
    setDone(null);
    setError(null);
    setFiles(null);
    if (picked.length === 0) return;
    const refuse = (messageKey: string, params?: Record<string, string | number>) =>
      setError(new ApiError('validation', 'error.validation', undefined, [{ path: 'files', messageKey, params }]));
    if (picked.length > FORMS_PER_CALL) return refuse('forms.tooMany');
    const large = picked.find((f) => f.size > FORM_FILE_MAX_BYTES);
    if (large) return refuse('forms.tooLarge', { maxMb: FORM_FILE_MAX_BYTES / 1024 / 1024 });
    setBusy(true);
    try {
      const input = await Promise.all(picked.map(async (f) => ({ fileName: f.name.slice(0, 255), base64: await fileToBase64(f) })));
      setPreview(await api.call('referralForms.importPreview', { files: input }));
      setFiles(input);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!files) return;
    setBusy(true);
    try {
      setDone(await api.call('referralForms.importCommit', { files }));
      setPreview(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const columns: Column<FormImportRow>[] = [
    { key: 'file', header: t('forms.import.file'), width: 'minmax(10rem, 1.2fr)', wrap: true, render: (r) => r.fileName },
    {
      key: 'result',
      header: t('import.col.result'),
      width: '9rem',
      render: (r) => <span className={`import-${r.status}`}>{t(`import.status.${r.status}`)}</span>,
    },
    { key: 'patient', header: t('referrals.col.patient'), width: 'minmax(8rem, 1.2fr)', render: (r) => r.patientName },
    { key: 'id', header: t('referrals.col.identifier'), width: '9.5rem', render: (r) => r.identifier },
    {
      key: 'reason',
      header: t('import.col.reason'),
      width: 'minmax(12rem, 2.5fr)',
      wrap: true,
      render: (r) => {
        if (!r.reasonKey) return '';
        return `${r.fieldLabelKey ? translate(lang, r.fieldLabelKey) + ': ' : ''}${translate(lang, r.reasonKey, r.reasonParams)}`;
      },
    },
  ];
  const report = done ?? preview;

  return (
    <Page
      title={t('forms.import.title')}
      actions={
        <a className="button" href="#/referrals">
          {t('referral.back')}
        </a>
      }
    >
      <div className="card">
        <Field label={t('forms.import.pick')} error={fe('files')}>
          <input
            type="file"
            accept=".pdf,application/pdf"
            multiple
            disabled={busy}
            onChange={(e) => {
              const picked = [...(e.target.files ?? [])];
              // Cleared so that picking the same files again reads them again.
              e.target.value = '';
              void pick(picked);
            }}
          />
        </Field>
        {error && !fe('files') ? <ErrorBanner error={error} /> : null}
      </div>
      {done && (
        <p className="banner banner-ok" role="status">
          {done.counts.imported ? t('forms.import.done', { count: done.counts.imported }) : t('import.nothingNew')}
        </p>
      )}
      {report && (
        <>
          <p aria-live="polite">{t('forms.import.summary', report.counts)}</p>
          {preview && (
            <div className="toolbar">
              <button type="button" className="primary" onClick={confirm} disabled={busy || preview.counts.valid === 0}>
                {t('forms.import.confirm', { count: preview.counts.valid })}
              </button>
            </div>
          )}
          <VirtualTable
            rows={report.rows}
            columns={columns}
            rowKey={(r) => r.row}
            label={t('forms.import.title')}
            rowClass={(r) => `import-row-${r.status}`}
            height="55vh"
          />
        </>
      )}
    </Page>
  );
}
