import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliCommand, CliContext } from '../command';
import { EXIT } from '../errors';

/** Parses --meeting as a positive whole number; prints usage otherwise. */
function meetingIdOf(ctx: CliContext, value: unknown, usage: string): number | null {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) {
    ctx.err(ctx.t('cli.caseLists.needMeeting'));
    ctx.err(ctx.t('cli.usageLine', { usage }));
    return null;
  }
  return id;
}

export const exportAgendaCommand: CliCommand = {
  name: 'export-agenda',
  usage: 'mdk export-agenda --meeting ID --out FILE [--minimal]',
  summary: 'cli.summary.export-agenda',
  options: { meeting: { type: 'string' }, out: { type: 'string' }, minimal: { type: 'boolean' } },
  async run(ctx, { values }) {
    const meetingId = meetingIdOf(ctx, values.meeting, this.usage);
    if (meetingId === null) return EXIT.usage;
    if (typeof values.out !== 'string' || !values.out) {
      ctx.err(ctx.t('cli.missingOptions', { options: '--out' }));
      ctx.err(ctx.t('cli.usageLine', { usage: this.usage }));
      return EXIT.usage;
    }
    const file = await ctx.call('caseLists.agendaPdf', { meetingId, minimal: values.minimal === true, purpose: 'export' });
    const out = resolve(values.out);
    writeFileSync(out, Buffer.from(file.base64, 'base64'));
    ctx.out(ctx.t('cli.caseLists.agendaSaved', { file: out }));
    return EXIT.done;
  },
};

export const exportRepliesCommand: CliCommand = {
  name: 'export-replies',
  usage: 'mdk export-replies --meeting ID --out DIR',
  summary: 'cli.summary.export-replies',
  options: { meeting: { type: 'string' }, out: { type: 'string' } },
  async run(ctx, { values }) {
    const meetingId = meetingIdOf(ctx, values.meeting, this.usage);
    if (meetingId === null) return EXIT.usage;
    if (typeof values.out !== 'string' || !values.out) {
      ctx.err(ctx.t('cli.missingOptions', { options: '--out' }));
      ctx.err(ctx.t('cli.usageLine', { usage: this.usage }));
      return EXIT.usage;
    }
    const dir = resolve(values.out);
    const res = await ctx.call('caseLists.exportReplies', { meetingId, dir });
    for (const f of res.files) ctx.out(`  ${f}`);
    ctx.out(ctx.t('cli.caseLists.repliesSaved', { n: res.files.length, folder: dir }));
    return EXIT.done;
  },
};
