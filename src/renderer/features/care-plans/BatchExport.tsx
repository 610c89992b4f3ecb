import { useState } from 'react';
import { EXPORT_FORMATS, type BatchChunkResult, type ExportFormat } from '../../../shared/api/methods/care-plans';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { ExportFolderField, exportsDownload } from '../../ui/ExportFolderField';
import { downloadFiles, type FilePayload } from '../../lib/files';
import { DateInput } from '../../ui/DateTimeInputs';

const firstOfMonth = () => new Date().toISOString().slice(0, 8) + '01';
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Every plan finalised in a period into a folder the user picks (desktop app), or as one download
 * (browser mode). Runs in chunks of 10 so the user sees progress and the app stays responsive; ends
 * with a summary of what was written.
 */
export function BatchExport() {
  const t = useT();
  const [from, setFrom] = useState(firstOfMonth);
  const [to, setTo] = useState(today);
  const [format, setFormat] = useState<ExportFormat>('both');
  // No default: the user picks a folder of their own, outside the data folder (exports are not encrypted).
  const [outDir, setOutDir] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [summary, setSummary] = useState<{ total: number; files: number; dir: string | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const fe = useFieldErrors(error);

  async function run(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setSummary(null);
    let offset: number | null = 0;
    let files = 0;
    const downloads: FilePayload[] = [];
    try {
      while (offset !== null) {
        const chunk: BatchChunkResult = await api.call('carePlans.batchExport', {
          from,
          to,
          format,
          outDir: exportsDownload ? null : outDir,
          download: exportsDownload,
          offset,
          limit: 10,
        });
        files += chunk.written.length;
        downloads.push(...(chunk.files ?? []));
        setProgress({ done: chunk.processed, total: chunk.total });
        offset = chunk.nextOffset;
        if (offset !== null) continue;
        if (downloads.length) downloadFiles(downloads, `vardplaner-${from}-${to}.zip`);
        setSummary({ total: chunk.total, files, dir: chunk.outDir });
      }
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  }

  return (
    <form noValidate className="card form-grid" onSubmit={run} aria-label={t('carePlan.batch.title')}>
      <h2 className="field-wide">{t('carePlan.batch.title')}</h2>
      <ErrorBanner error={error} />
      <Field label={t('carePlan.batch.from')} error={fe('from')}>
        <DateInput value={from} onValue={(v) => setFrom(v)} />
      </Field>
      <Field label={t('carePlan.batch.to')} error={fe('to')}>
        <DateInput value={to} onValue={(v) => setTo(v)} />
      </Field>
      <Field label={t('carePlan.batch.format')} error={fe('format')}>
        <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`carePlan.batch.format.${f}`)}
            </option>
          ))}
        </select>
      </Field>
      <ExportFolderField label={t('carePlan.batch.outDir')} value={outDir} onPick={setOutDir} error={fe('outDir')} />
      {progress && (
        <div className="field-wide" role="status">
          <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={t('carePlan.batch.title')} />{' '}
          {t('carePlan.batch.progress', { done: progress.done, total: progress.total })}
        </div>
      )}
      {summary && (
        <p className="banner banner-ok field-wide" role="status">
          {summary.total === 0
            ? t('carePlan.batch.none')
            : summary.dir === null
              ? t('carePlan.batch.downloaded', { total: summary.total, files: summary.files })
              : t('carePlan.batch.summary', { total: summary.total, files: summary.files, dir: summary.dir })}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={progress !== null}>
          {t('carePlan.batch.start')}
        </button>
      </div>
    </form>
  );
}
