import { readFileSync, statSync } from 'node:fs';
import type { CliCommand } from '../command';
import { translate } from '../../../shared/i18n';
import { IMPORT_MAX_BYTES } from '../../../shared/api/methods/referrals';

/** `mdk import-referrals FILE [--dry-run]`: the same checks and transaction as the app's import. */
export const importReferralsCommand: CliCommand = {
  name: 'import-referrals',
  usage: 'mdk import-referrals FILE [--dry-run]',
  summary: 'Importerar anmälningar från en CSV-fil; en rad per avvisad rad, icke-noll slutstatus om någon avvisades',
  options: { 'dry-run': { type: 'boolean' } },
  async run(ctx, { values, positionals }) {
    const file = positionals[0];
    if (!file) {
      ctx.err(`Användning: ${this.usage}`);
      return 2;
    }
    let bytes: Buffer;
    try {
      if (statSync(file).size > IMPORT_MAX_BYTES) {
        ctx.err(translate(ctx.lang, 'import.tooLarge'));
        return 2;
      }
      bytes = readFileSync(file);
    } catch (e) {
      ctx.err(`${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      return 2;
    }
    const input = { fileName: file.split(/[\\/]/).pop()!, base64: bytes.toString('base64') };
    const report = values['dry-run'] ? await ctx.call('referrals.importPreview', input) : await ctx.call('referrals.importCommit', input);
    for (const r of report.rows) {
      if (r.status !== 'rejected' || !r.reasonKey) continue;
      ctx.out(`row ${r.row}: ${r.column ? r.column + ': ' : ''}${translate(ctx.lang, r.reasonKey, r.reasonParams)}`);
    }
    const c = report.counts;
    const done = values['dry-run'] ? `dry run, ${c.valid} would be imported` : `${c.imported} imported`;
    ctx.out(`${c.total} rows: ${done}, ${c.rejected} rejected, ${c.alreadyImported} already imported`);
    return c.rejected > 0 ? 1 : 0;
  },
};
