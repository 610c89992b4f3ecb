import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CliCommand } from '../command';

/** `mdk backup --out FILE`: a checked backup to a file the administrator names (the backup folder otherwise). */
export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'mdk backup [--out FILE]',
  summary: 'Säkerhetskopiera databasen (online, under drift) till FILE eller till mappen för säkerhetskopior',
  options: { out: { type: 'string', short: 'o' } },
  async run(ctx, { values }) {
    const out = values.out as string | undefined;
    if (!out) {
      const entry = await ctx.call('backup.create', {});
      ctx.out(`Säkerhetskopia sparad: ${ctx.core.backups.folder()}/${entry.name}`);
      return 0;
    }
    // Backups are the administrator's: the router's role check of backup.list refuses anyone else.
    await ctx.call('backup.list', {});
    const file = resolve(out);
    if (existsSync(file)) {
      ctx.err(`Filen finns redan och skrivs inte över: ${file}`);
      return 2;
    }
    if (!existsSync(dirname(file))) {
      ctx.err(`Mappen finns inte: ${dirname(file)}`);
      return 2;
    }
    await ctx.core.backups.writeTo(file);
    ctx.out(`Säkerhetskopia sparad och kontrollerad: ${file}`);
    return 0;
  },
};
