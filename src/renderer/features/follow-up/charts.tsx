import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';

// Register only what the bar charts use, so the rest of chart.js is tree-shaken away.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

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
}

/** A bar chart with axis titles and a legend, without animation (prints and screenshots at once). */
export function BarChart({ label, data, yTitle, stacked, horizontal }: BarChartProps) {
  const valueAxis = { beginAtZero: true, stacked, title: { display: true, text: yTitle, color: '#1b2733' }, ticks: { color: '#1b2733' } };
  const categoryAxis = { stacked, ticks: { color: '#1b2733', autoSkip: true } };
  const options: ChartOptions<'bar'> = {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    indexAxis: horizontal ? 'y' : 'x',
    plugins: { legend: { display: data.datasets.length > 1, labels: { color: '#1b2733' } } },
    scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
  };
  return (
    <div className="fu-chart">
      <Bar role="img" aria-label={label} data={data} options={options} />
    </div>
  );
}
