import type { CliCommand } from '../command';
import { followUpTables } from '../../../shared/domain/follow-up-tables';
import { followThroughTables } from '../../../shared/domain/follow-through-tables';
import { formatCell, type ReportTable } from '../../../shared/domain/report-table';
import { translate, type Lang } from '../../../shared/i18n';

/** A table as aligned plain text: text columns left, figures right. */
function printTable(table: ReportTable, lang: Lang, out: (l: string) => void): void {
  const header = table.columns.map((c) => (c.kind === 'percent' ? `${c.label} (%)` : c.label));
  const body = table.rows.map((r) => r.map((v, i) => formatCell(v, table.columns[i].kind, lang)));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (table.columns[i].kind === 'text' ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  out('');
  out(table.title);
  out(line(header));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of body) out(line(r));
  if (table.note) out(`(${table.note})`);
}

/** `mdk stats`: the follow-up dashboard of a care area and period, as tables or as JSON. */
export const statsCommand: CliCommand = {
  name: 'stats',
  usage: 'mdk stats --care-area CODE --from YYYY-MM-DD --to YYYY-MM-DD [--json]',
  summary: 'cli.summary.stats',
  options: {
    'care-area': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(ctx, { values }) {
    const t = (key: string, params?: Record<string, string | number>) => translate(ctx.lang, key, params);
    const dashboard = await ctx.call('followUp.dashboard', {
      careAreaCode: String(values['care-area'] ?? ''),
      from: String(values.from ?? ''),
      to: String(values.to ?? ''),
    });
    if (values.json) {
      ctx.out(JSON.stringify(dashboard, null, 2));
      return 0;
    }
    const area = ctx.lang === 'en' ? dashboard.careArea.nameEn : dashboard.careArea.nameSv;
    ctx.out(t('followUp.pdfTitle', { careArea: area, from: dashboard.from, to: dashboard.to }));
    ctx.out(t('followUp.populationSource', { source: ctx.lang === 'en' ? dashboard.population.sourceEn : dashboard.population.source }));
    ctx.out(t('followUp.methods'));
    for (const table of followUpTables(dashboard, t)) printTable(table, ctx.lang, ctx.out);
    const figures = await ctx.call('followThrough.figures', { careAreaCode: dashboard.careArea.code, from: dashboard.from, to: dashboard.to });
    for (const table of followThroughTables(figures, t)) printTable(table, ctx.lang, ctx.out);
    return 0;
  },
};
