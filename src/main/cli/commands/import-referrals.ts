import { readFileSync, statSync } from 'node:fs';
import type { CliCommand } from '../command';
import { EXIT } from '../errors';
import { IMPORT_MAX_BYTES } from '../../../shared/api/methods/referrals';

/** `mdk import-referrals FILE [--dry-run]`: the same checks and transaction as the app's import. */
export const importReferralsCommand: CliCommand = {
  name: 'import-referrals',
  usage: 'mdk import-referrals FILE [--dry-run]',
  summary: 'cli.summary.import-referrals',
  options: { 'dry-run': { type: 'boolean' } },
  async run(ctx, { values, positionals }) {
    const { t } = ctx;
    const file = positionals[0];
    if (!file) {
      ctx.err(t('cli.usageLine', { usage: this.usage }));
      return EXIT.usage;
    }
    let bytes: Buffer;
    try {
      if (statSync(file).size > IMPORT_MAX_BYTES) {
        ctx.err(t('import.tooLarge'));
        return EXIT.usage;
      }
      bytes = readFileSync(file);
    } catch (e) {
      ctx.err(t('cli.fileUnreadable', { file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
      return EXIT.usage;
    }
    // An empty, binary, UTF-16 or non-CSV file is refused by the API as a 'file' value: exit 2.
    const input = { fileName: file.split(/[\\/]/).pop()!, base64: bytes.toString('base64') };
    const report = values['dry-run'] ? await ctx.call('referrals.importPreview', input) : await ctx.call('referrals.importCommit', input);
    for (const r of report.rows) {
      if (r.status === 'rejected' && r.reasonKey) {
        ctx.out(t('cli.import.rejectedRow', { row: r.row, reason: `${r.column ? r.column + ': ' : ''}${t(r.reasonKey, r.reasonParams)}` }));
      } else if (r.warningKey) {
        ctx.out(t('cli.import.warningRow', { row: r.row, reason: t(r.warningKey, r.warningParams) }));
      }
    }
    const c = report.counts;
    ctx.out(t(values['dry-run'] ? 'cli.import.summaryDryRun' : 'cli.import.summary', c));
    return c.rejected > 0 ? EXIT.problems : EXIT.done;
  },
};
