import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliCommand } from '../command';

/** Parses --meeting as a positive whole number; prints usage otherwise. */
function meetingIdOf(value: unknown, err: (l: string) => void, usage: string): number | null {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) {
    err(`Ange mötets id med --meeting (ett positivt heltal).\nAnvändning: ${usage}`);
    return null;
  }
  return id;
}

export const exportAgendaCommand: CliCommand = {
  name: 'export-agenda',
  usage: 'mdk export-agenda --meeting ID --out FILE [--minimal]',
  summary: 'Falllistan för ett möte som PDF (--minimal: bara fallnummer, initialer och födelseår)',
  options: { meeting: { type: 'string' }, out: { type: 'string' }, minimal: { type: 'boolean' } },
  async run(ctx, { values }) {
    const meetingId = meetingIdOf(values.meeting, ctx.err, this.usage);
    if (meetingId === null) return 2;
    if (typeof values.out !== 'string' || !values.out) {
      ctx.err(`Ange filen med --out.\nAnvändning: ${this.usage}`);
      return 2;
    }
    const file = await ctx.call('caseLists.agendaPdf', { meetingId, minimal: values.minimal === true, purpose: 'export' });
    const out = resolve(values.out);
    writeFileSync(out, Buffer.from(file.base64, 'base64'));
    ctx.out(`Falllistan sparades: ${out}`);
    return 0;
  },
};

export const exportRepliesCommand: CliCommand = {
  name: 'export-replies',
  usage: 'mdk export-replies --meeting ID --out DIR',
  summary: 'Alla MDK-svar för ett fastställt möte som PDF-filer i en mapp',
  options: { meeting: { type: 'string' }, out: { type: 'string' } },
  async run(ctx, { values }) {
    const meetingId = meetingIdOf(values.meeting, ctx.err, this.usage);
    if (meetingId === null) return 2;
    if (typeof values.out !== 'string' || !values.out) {
      ctx.err(`Ange mappen med --out.\nAnvändning: ${this.usage}`);
      return 2;
    }
    const res = await ctx.call('caseLists.exportReplies', { meetingId, dir: resolve(values.out) });
    for (const f of res.files) ctx.out(`  ${f}`);
    ctx.out(`${res.files.length} MDK-svar sparades i ${res.dir}`);
    return 0;
  },
};
