import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { EXIT } from '../errors';

/**
 * `mdk export-ics`: a care area's meetings in a period as an iCalendar file (METHOD:REQUEST).
 * Cancelled meetings go to a second file beside it (METHOD:CANCEL), named with "-installda".
 */
export const exportIcsCommand: CliCommand = {
  name: 'export-ics',
  usage: 'mdk export-ics --care-area CODE --from YYYY-MM-DD --to YYYY-MM-DD --out FILE',
  summary: 'cli.summary.export-ics',
  options: { 'care-area': { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
  async run(ctx, { values }) {
    const careAreaCode = values['care-area'] as string | undefined;
    const out = values.out as string | undefined;
    if (!careAreaCode || !values.from || !values.to || !out) {
      ctx.err(ctx.t('cli.missingOptions', { options: '--care-area, --from, --to, --out' }));
      ctx.err(ctx.t('cli.usageLine', { usage: this.usage }));
      return EXIT.usage;
    }
    const { files, meetingCount } = await ctx.call('meetings.exportIcs', { careAreaCode, from: String(values.from), to: String(values.to) });
    const target = resolve(out);
    files.forEach((f, i) => {
      // the first file is the one asked for; a cancellations file goes beside it
      const path = i === 0 ? target : target.replace(/(\.ics)?$/i, '-installda.ics');
      writeFileSync(path, Buffer.from(f.base64, 'base64'));
      ctx.out(ctx.t('cli.wrote', { file: path }));
    });
    ctx.out(ctx.t('cli.ics.exported', { n: meetingCount }));
    return EXIT.done;
  },
};
