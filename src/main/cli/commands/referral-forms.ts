import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { CliCommand, CliContext } from '../command';
import { EXIT } from '../errors';
import { FORM_FILE_MAX_BYTES, FORMS_PER_CALL, type FormImportReport } from '../../../shared/api/methods/referral-forms';

const usage = (ctx: CliContext, text: string) => {
  ctx.err(ctx.t('cli.usageLine', { usage: text }));
  return EXIT.usage;
};

/** `mdk export-form --care-area CODE --out FILE`: the care area's fillable registration form. */
export const exportFormCommand: CliCommand = {
  name: 'export-form',
  usage: 'mdk export-form --care-area CODE --out FILE',
  summary: 'cli.summary.export-form',
  options: { 'care-area': { type: 'string' }, out: { type: 'string' } },
  async run(ctx, { values }) {
    const careAreaCode = values['care-area'];
    const out = values.out;
    if (typeof careAreaCode !== 'string' || typeof out !== 'string') return usage(ctx, this.usage);
    const { base64 } = await ctx.call('referralForms.pdf', { careAreaCode });
    writeFileSync(resolve(out), Buffer.from(base64, 'base64'));
    ctx.out(ctx.t('forms.cli.saved', { file: resolve(out) }));
    return EXIT.done;
  },
};

/** The PDF files named: one file, or every .pdf in a folder (not its subfolders), in name order. */
function formFiles(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target)
    .filter((n) => n.toLowerCase().endsWith('.pdf'))
    .sort()
    .map((n) => join(target, n));
}

/**
 * `mdk import-forms FILE|DIR [--dry-run]`: filled registration forms through the app's checks, up
 * to 20 forms a transaction. One line per refused form (file, field, reason). Exit 0 when every form
 * was imported or had been before, 1 when any was refused, 2 on a usage error or an unreadable path.
 */
export const importFormsCommand: CliCommand = {
  name: 'import-forms',
  usage: 'mdk import-forms FILE|DIR [--dry-run]',
  summary: 'cli.summary.import-forms',
  options: { 'dry-run': { type: 'boolean' } },
  async run(ctx, { values, positionals }) {
    const target = positionals[0];
    if (!target) return usage(ctx, this.usage);
    let paths: string[];
    try {
      paths = formFiles(target);
    } catch (e) {
      ctx.err(ctx.t('forms.cli.unreadable', { file: target, code: (e as NodeJS.ErrnoException).code ?? '' }));
      return EXIT.usage;
    }
    if (paths.length === 0) {
      ctx.err(ctx.t('forms.cli.noneFound', { folder: target }));
      return EXIT.usage;
    }
    const totals = { total: 0, valid: 0, imported: 0, rejected: 0, already: 0 };
    const refuse = (file: string, reason: string, field?: string | null) => {
      totals.total++;
      totals.rejected++;
      ctx.out(field ? ctx.t('forms.cli.refusedField', { file, field, reason }) : ctx.t('forms.cli.refused', { file, reason }));
    };
    const batch: { fileName: string; base64: string }[] = [];
    const send = async () => {
      if (batch.length === 0) return;
      const files = batch.splice(0);
      const report: FormImportReport = values['dry-run']
        ? await ctx.call('referralForms.importPreview', { files })
        : await ctx.call('referralForms.importCommit', { files });
      for (const r of report.rows)
        if (r.status === 'rejected' && r.reasonKey) refuse(r.fileName, ctx.t(r.reasonKey, r.reasonParams), r.fieldLabelKey && ctx.t(r.fieldLabelKey));
      totals.total += report.counts.valid + report.counts.alreadyImported;
      totals.valid += report.counts.valid;
      totals.imported += report.counts.imported;
      totals.already += report.counts.alreadyImported;
    };
    for (const path of paths) {
      const fileName = basename(path);
      try {
        if (statSync(path).size > FORM_FILE_MAX_BYTES) {
          refuse(fileName, ctx.t('forms.tooLarge', { maxMb: FORM_FILE_MAX_BYTES / 1024 / 1024 }));
          continue;
        }
        batch.push({ fileName, base64: readFileSync(path).toString('base64') });
      } catch (e) {
        refuse(fileName, ctx.t('forms.cli.unreadable', { file: fileName, code: (e as NodeJS.ErrnoException).code ?? '' }));
        continue;
      }
      if (batch.length === FORMS_PER_CALL) await send();
    }
    await send();
    ctx.out(ctx.t(values['dry-run'] ? 'forms.cli.summaryDryRun' : 'forms.cli.summary', { ...totals }));
    return totals.rejected > 0 ? EXIT.problems : EXIT.done;
  },
};
