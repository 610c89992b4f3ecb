/** The benchmark's table: printed, written to bench/last-results.md and into the README's section. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Row {
  key: string;
  label: string;
  unit: 'ms' | 'kB' | 'MB';
  ours: number;
  floor: number | null;
  budget: number;
  note?: string;
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const ratioOf = (r: Row) => (r.floor && r.floor > 0 ? r.ours / r.floor : null);

/** Each row as ours / floor / ratio / budget; a ratio above `maxRatio` and a figure over budget are flagged. */
export function table(rows: Row[], maxRatio: number): string[] {
  const lines = ['| Measure | Ours | Floor | Ratio | Budget | Result |', '|---|---:|---:|---:|---:|---|'];
  for (const r of rows) {
    const ratio = ratioOf(r);
    const ratioText = ratio === null ? '–' : ratio > maxRatio ? `**${ratio.toFixed(1)}×** ⚑` : `${ratio.toFixed(1)}×`;
    const floor = r.floor === null ? '–' : `${fmt(r.floor)} ${r.unit}`;
    lines.push(
      `| ${r.label} | ${fmt(r.ours)} ${r.unit} | ${floor} | ${ratioText} | ${r.budget} ${r.unit} | ${r.ours <= r.budget ? 'pass' : '**OVER BUDGET**'} |`,
    );
  }
  const pass = rows.filter((r) => r.ours <= r.budget).length;
  const flagged = rows.filter((r) => (ratioOf(r) ?? 0) > maxRatio).length;
  lines.push('', `${pass} of ${rows.length} within budget; ${flagged} with a ratio above ${maxRatio}× (⚑)`);
  return lines;
}

export function writeResults(root: string, rows: Row[], maxRatio: number, context: string[]): string[] {
  const lines = table(rows, maxRatio);
  const md = ['# Last benchmark results', '', ...context, '', ...lines, '', ...rows.filter((r) => r.note).map((r) => `- ${r.label}: ${r.note}`), ''].join('\n');
  writeFileSync(join(root, 'bench', 'last-results.md'), md);
  // The README's "Benchmark" section keeps its text; only the block between the markers is replaced.
  const readme = join(root, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:results -->';
  const end = '<!-- /bench:results -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a >= 0 && b > a) writeFileSync(readme, `${text.slice(0, a + start.length)}\n${[...context, '', ...lines].join('\n')}\n${text.slice(b)}`);
  return lines;
}
