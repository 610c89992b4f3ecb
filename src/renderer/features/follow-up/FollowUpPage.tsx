import { useEffect, useMemo, useState } from 'react';
import { followUpTables } from '../../../shared/domain/follow-up-tables';
import { fileSlug, toExcelCsv, type ReportTable } from '../../../shared/domain/report-table';
import { useAppStore } from '../../app/store';
import { api } from '../../lib/api';
import { useApiData } from '../../lib/useApiData';
import { downloadFile } from '../../lib/files';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { Page } from '../../ui/Page';
import { chartsFor } from './FollowUpCharts';
import { ReportTableView } from './ReportTableView';
import { useFollowUpSelection } from './store';
import { FollowThroughFigures } from '../follow-through/FollowThroughFigures';
import { DateInput } from '../../ui/DateTimeInputs';

/** UTF-8 text as base64 (the FilePayload the download helper saves). */
function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Follow-up of the national assignment (uppföljning): pick a care area and a period; every chart
 * has its table beside it; tables export to CSV for Excel, the whole dashboard to PDF.
 */
export default function FollowUpPage() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const reference = useAppStore((s) => s.reference)!;
  const workplaceAreas = useAppStore((s) => s.info?.workplace?.careAreaCodes ?? []);
  const selection = useFollowUpSelection();
  const careAreaCode = selection.careAreaCode || workplaceAreas[0] || reference.careAreas[0]?.code || '';
  const [draft, setDraft] = useState({ careAreaCode, from: selection.from, to: selection.to });
  const [period, setPeriod] = useState(draft);
  const [exportError, setExportError] = useState<unknown>(null);
  const selectionSet = useFollowUpSelection((s) => s.set);

  // The chosen period: on arrival, on "Show" (a new object, so the same period loads again) and again
  // when the language changes (region names).
  const shown = useApiData(async () => ({ period, dashboard: await api.call('followUp.dashboard', period) }), [period, lang]);
  const dashboard = shown.data?.dashboard ?? null;
  const busy = shown.loading;
  const error = exportError ?? shown.error;
  const fe = useFieldErrors(error);
  // The period shown is kept for the next visit.
  const shownPeriod = shown.data?.period;
  useEffect(() => {
    if (shownPeriod) selectionSet(shownPeriod);
  }, [shownPeriod, selectionSet]);

  const tables = useMemo(() => (dashboard ? followUpTables(dashboard, t) : []), [dashboard, t]);
  const charts = useMemo(() => (dashboard ? chartsFor(dashboard, t) : {}), [dashboard, t]);

  function exportCsv(table: ReportTable) {
    if (!dashboard) return;
    downloadFile({
      fileName: `${fileSlug(`${table.title} ${dashboard.careArea.code} ${dashboard.from} ${dashboard.to}`)}.csv`,
      mimeType: 'text/csv;charset=utf-8',
      base64: utf8Base64(toExcelCsv(table)),
    });
  }

  async function exportPdf() {
    if (!dashboard) return;
    try {
      downloadFile(await api.call('followUp.exportPdf', { careAreaCode: dashboard.careArea.code, from: dashboard.from, to: dashboard.to }));
    } catch (e) {
      setExportError(e);
    }
  }

  const year = new Date().getFullYear();
  const areaName = (code: string) => {
    const a = reference.careAreas.find((c) => c.code === code);
    return a ? (lang === 'sv' ? a.nameSv : a.nameEn) : code;
  };
  const areaCodes = [...new Set([...workplaceAreas, ...reference.careAreas.filter((a) => a.active).map((a) => a.code)])];

  return (
    <Page
      title={t('followUp.title')}
      actions={
        <button type="button" className="primary no-print" onClick={exportPdf} disabled={!dashboard || busy}>
          {t('followUp.exportPdf')}
        </button>
      }
    >
      <form
        className="card fu-pickers no-print"
        onSubmit={(e) => {
          e.preventDefault();
          setExportError(null);
          setPeriod({ ...draft });
        }}
      >
        <ErrorBanner error={error} />
        <Field label={t('followUp.careArea')} error={fe('careAreaCode')}>
          <select value={draft.careAreaCode} onChange={(e) => setDraft({ ...draft, careAreaCode: e.target.value })}>
            {areaCodes.map((code) => (
              <option key={code} value={code}>
                {areaName(code)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('followUp.from')} error={fe('from')}>
          <DateInput value={draft.from} onValue={(v) => setDraft({ ...draft, from: v })} />
        </Field>
        <Field label={t('followUp.to')} error={fe('to')}>
          <DateInput value={draft.to} onValue={(v) => setDraft({ ...draft, to: v })} />
        </Field>
        <div className="form-actions">
          <button type="button" onClick={() => setDraft({ ...draft, from: `${year}-01-01`, to: `${year}-12-31` })}>
            {t('followUp.thisYear')}
          </button>
          <button type="button" onClick={() => setDraft({ ...draft, from: `${year - 1}-01-01`, to: `${year - 1}-12-31` })}>
            {t('followUp.lastYear')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('followUp.show')}
          </button>
        </div>
      </form>

      {dashboard && (
        <>
          <p className="fu-period" aria-live="polite">
            <strong>
              {t('followUp.pdfTitle', {
                careArea: lang === 'sv' ? dashboard.careArea.nameSv : dashboard.careArea.nameEn,
                from: dashboard.from,
                to: dashboard.to,
              })}
            </strong>
          </p>
          <p className="fu-note">
            {t('followUp.populationSource', { source: lang === 'en' ? dashboard.population.sourceEn : dashboard.population.source })} {t('followUp.methods')}
          </p>
          {tables.map((table) => (
            <section key={table.id} className={`card fu-section${charts[table.id] ? ' fu-with-chart' : ''}`} aria-label={table.title}>
              {charts[table.id]}
              <ReportTableView table={table} onExport={exportCsv} />
            </section>
          ))}
          <FollowThroughFigures careAreaCode={dashboard.careArea.code} from={dashboard.from} to={dashboard.to} onExport={exportCsv} />
        </>
      )}
    </Page>
  );
}
