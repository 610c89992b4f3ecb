import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { EXIT } from '../errors';
import { EXPORT_FORMATS, type BatchChunkResult, type ExportFormat } from '../../../shared/api/methods/care-plans';

/** Batch export of every care plan finalised in a period, in chunks through the API (roles, access log). */
export const exportCarePlansCommand: CliCommand = {
  name: 'export-careplans',
  usage: 'mdk export-careplans --from DATE --to DATE --format pdf|fhir|both --out DIR',
  summary: 'cli.summary.export-careplans',
  options: { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  async run(ctx, { values }) {
    const from = values.from as string | undefined;
    const to = values.to as string | undefined;
    const format = (values.format as string | undefined) ?? 'both';
    const out = values.out as string | undefined;
    if (!from || !to || !out) {
      ctx.err(ctx.t('cli.missingOptions', { options: '--from, --to, --out' }));
      ctx.err(ctx.t('cli.usageLine', { usage: this.usage }));
      return EXIT.usage;
    }
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      ctx.err(ctx.t('cli.carePlans.format'));
      return EXIT.usage;
    }
    const outDir = resolve(out);
    const written: string[] = [];
    let offset: number | null = 0;
    let total = 0;
    while (offset !== null) {
      const chunk: BatchChunkResult = await ctx.call('carePlans.batchExport', { from, to, format: format as ExportFormat, outDir, offset, limit: 50 });
      total = chunk.total;
      written.push(...chunk.written);
      ctx.out(`${chunk.processed}/${chunk.total}`);
      offset = chunk.nextOffset;
    }
    ctx.out(ctx.t('cli.carePlans.exported', { total, from, to, files: written.length, folder: outDir }));
    return EXIT.done;
  },
};
