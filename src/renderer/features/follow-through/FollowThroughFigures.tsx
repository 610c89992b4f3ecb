import { useEffect, useMemo, useState } from 'react';
import { BarController, BarElement, CategoryScale, Chart as ChartJs, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import type { FollowThroughFigures as Figures } from '../../../shared/api/methods/follow-through';
import { followThroughTables } from '../../../shared/domain/follow-through-tables';
import type { ReportTable } from '../../../shared/domain/report-table';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { ReportTableView } from '../follow-up/ReportTableView';

// Bars for the shares, a line element for each target mark.
ChartJs.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Shares as bars (percent) with the care area's targets drawn as lines across each bar. */
function SharesChart({ f, label }: { f: Figures; label: string }) {
  const t = useT();
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  const labels = [t('followThrough.fig.implementationRate'), t('followThrough.fig.wishesRecorded'), t('followThrough.fig.trialConsidered'), t('followThrough.fig.postponementRate')];
  const values = [f.implementation.rate, f.wishesRecordedShare, f.trialConsideredShare, f.postponementRate].map(pct);
  const targets = [f.targets.implementationRate, f.targets.wishesRecorded, f.targets.trialConsidered, f.targets.postponementRate].map(pct);
  return (
    <div className="fu-chart">
      <Chart
        type="bar"
        role="img"
        aria-label={label}
        data={{
          labels,
          datasets: [
            { type: 'bar' as const, label: t('followThrough.fig.value'), data: values, backgroundColor: '#0b5cad', borderColor: '#0b5cad', borderWidth: 1 },
            // A wide horizontal mark per bar: the target, visible without colour.
            { type: 'line' as const, label: t('followThrough.fig.target'), data: targets, showLine: false, pointStyle: 'line', pointRadius: 28, pointHoverRadius: 28, borderColor: '#b00020', borderWidth: 3 },
          ],
        }}
        options={{ animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: '%' } } } }}
      />
    </div>
  );
}

/** The dashboard's "after the conference" section for the period shown above it. */
export function FollowThroughFigures({ careAreaCode, from, to, onExport }: { careAreaCode: string; from: string; to: string; onExport(table: ReportTable): void }) {
  const t = useT();
  const [figures, setFigures] = useState<Figures | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api.call('followThrough.figures', { careAreaCode, from, to }).then(
      (f) => live && (setFigures(f), setError(null)),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [careAreaCode, from, to]);
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
