import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CliCommand } from '../command';
import { EXIT } from '../errors';

/** `mdk backup --out FILE`: a checked backup to a file the administrator names (the backup folder otherwise). */
export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'mdk backup [--out FILE]',
  summary: 'cli.summary.backup',
  options: { out: { type: 'string', short: 'o' } },
  async run(ctx, { values }) {
    const out = values.out as string | undefined;
    if (!out) {
      const entry = await ctx.call('backup.create', {});
      ctx.out(ctx.t('cli.backup.saved', { file: join(ctx.core.backups.folder(), entry.name) }));
      return EXIT.done;
    }
    // Backups are the administrator's: the router's role check of backup.list refuses anyone else.
    await ctx.call('backup.list', {});
    const file = resolve(out);
    if (existsSync(file)) {
      ctx.err(ctx.t('cli.fileExists', { file }));
      return EXIT.usage;
    }
    if (!existsSync(dirname(file))) {
      ctx.err(ctx.t('cli.folderMissing', { folder: dirname(file) }));
      return EXIT.usage;
    }
    await ctx.core.backups.writeTo(file);
    ctx.out(ctx.t('cli.backup.savedChecked', { file }));
    return EXIT.done;
  },
};
