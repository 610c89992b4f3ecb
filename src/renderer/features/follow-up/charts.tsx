import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJs,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js';
import { Chart } from 'react-chartjs-2';

// Register only what the bar charts and their target marks use, so the rest of chart.js is tree-shaken away.
ChartJs.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

const TARGET_INK = '#b00020';

const INK = '#0b5cad';

/**
 * Diagonal stripes: the second series differs by pattern as well as by colour, so the chart reads
 * the same on a black-and-white printout.
 */
export function stripes(color = INK): CanvasPattern | string {
  const c = document.createElement('canvas');
  c.width = 8;
  c.height = 8;
  const g = c.getContext('2d');
  if (!g) return color;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, 8, 8);
  g.strokeStyle = color;
  g.lineWidth = 2;
  g.beginPath();
  g.moveTo(0, 8);
  g.lineTo(8, 0);
  g.moveTo(-2, 2);
  g.lineTo(2, -2);
  g.moveTo(6, 10);
  g.lineTo(10, 6);
  g.stroke();
  return g.createPattern(c, 'repeat') ?? color;
}

/** Dataset styles told apart by fill, not only by colour: solid, striped, outlined. */
export const SERIES_STYLE = {
  solid: () => ({ backgroundColor: INK, borderColor: INK, borderWidth: 1 }),
  striped: () => ({ backgroundColor: stripes('#7a3e00'), borderColor: '#7a3e00', borderWidth: 2 }),
  outline: () => ({ backgroundColor: '#ffffff', borderColor: '#1b2733', borderWidth: 2 }),
};

interface BarChartProps {
  /** Accessible name; the table beside the chart carries the figures. */
  label: string;
  data: ChartData<'bar', (number | null)[], string>;
  yTitle: string;
  stacked?: boolean;
  horizontal?: boolean;
  /** The target per bar (null: none), drawn as a wide red line across the bar: seen without colour too. */
  target?: { label: string; values: (number | null)[] };
  /** The value axis's top (e.g. 100 for percent). */
  max?: number;
}

/** A bar chart with axis titles, a legend and any targets as lines, without animation (prints and screenshots at once). */
export function BarChart({ label, data, yTitle, stacked, horizontal, target, max }: BarChartProps) {
  const valueAxis = { beginAtZero: true, max, stacked, title: { display: true, text: yTitle, color: '#1b2733' }, ticks: { color: '#1b2733' } };
  const categoryAxis = { stacked, ticks: { color: '#1b2733', autoSkip: true } };
  const options: ChartOptions<'bar'> = {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    indexAxis: horizontal ? 'y' : 'x',
    plugins: { legend: { display: data.datasets.length > 1 || Boolean(target), labels: { color: '#1b2733' } } },
    scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
  };
  const marks = target && {
    type: 'line' as const,
    label: target.label,
    data: target.values,
    showLine: false,
    pointStyle: 'line' as const,
    rotation: horizontal ? 90 : 0,
    pointRadius: 28,
    pointHoverRadius: 28,
    borderColor: TARGET_INK,
    backgroundColor: TARGET_INK,
    borderWidth: 3,
  };
  const mixed = { ...data, datasets: [...data.datasets.map((d) => ({ ...d, type: 'bar' as const })), ...(marks ? [marks] : [])] };
  return (
    <div className="fu-chart">
      <Chart type="bar" role="img" aria-label={label} data={mixed as unknown as ChartData<'bar', (number | null)[], string>} options={options} />
    </div>
  );
}
