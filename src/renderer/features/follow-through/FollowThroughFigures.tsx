import { useMemo } from 'react';
import type { FollowThroughFigures as Figures } from '../../../shared/api/methods/follow-through';
import { followThroughTables } from '../../../shared/domain/follow-through-tables';
import type { ReportTable } from '../../../shared/domain/report-table';
import { api } from '../../lib/api';
import { useApiData } from '../../lib/useApiData';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { ReportTableView } from '../follow-up/ReportTableView';
import { BarChart, SERIES_STYLE } from '../follow-up/charts';

/** Shares as bars (percent) with the care area's targets drawn as lines across each bar. */
function SharesChart({ f, label }: { f: Figures; label: string }) {
  const t = useT();
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  const labels = [
    t('followThrough.fig.implementationRate'),
    t('followThrough.fig.wishesRecorded'),
    t('followThrough.fig.trialConsidered'),
    t('followThrough.fig.postponementRate'),
    t('followThrough.fig.checklistComplete'),
  ];
  const values = [f.implementation.rate, f.wishesRecordedShare, f.trialConsideredShare, f.postponementRate, f.checklist.share].map(pct);
  const g = f.targets;
  const targets = [g.implementationRate, g.wishesRecorded, g.trialConsidered, g.postponementRate, g.checklistComplete].map(pct);
  return (
    <BarChart
      label={label}
      yTitle="%"
      max={100}
      data={{ labels, datasets: [{ label: t('followThrough.fig.value'), data: values, ...SERIES_STYLE.solid() }] }}
      target={{ label: t('followThrough.fig.target'), values: targets }}
    />
  );
}

/** The dashboard's "after the conference" section for the period shown above it. */
export function FollowThroughFigures({
  careAreaCode,
  from,
  to,
  onExport,
}: {
  careAreaCode: string;
  from: string;
  to: string;
  onExport(table: ReportTable): void;
}) {
  const t = useT();
  const { data: figures, error } = useApiData(() => api.call('followThrough.figures', { careAreaCode, from, to }), [careAreaCode, from, to]);
  const tables = useMemo(() => (figures ? followThroughTables(figures, t) : []), [figures, t]);
  if (error) return <ErrorBanner error={error} />;
  if (!figures) return null;
  return (
    <>
      {tables.map((table, n) => (
        <section key={table.id} className={`card fu-section${n === 0 ? ' fu-with-chart' : ''}`} aria-label={table.title}>
          {n === 0 && <SharesChart f={figures} label={table.title} />}
          <ReportTableView table={table} onExport={onExport} />
        </section>
      ))}
    </>
  );
}
