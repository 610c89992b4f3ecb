import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliCommand } from '../command';
import { EXIT } from '../errors';

/**
 * `mdk restore FILE`: checks FILE fully (integrity, foreign keys, schema, key) and only then replaces
 * the database; the replaced one is kept in `replaced/` in the data folder. Works on a damaged database.
 * Signs in like every command: the key from the sign-in must open FILE, so a backup of another
 * installation (or a plaintext copy) is refused.
 */
export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: 'mdk restore FILE',
  summary: 'cli.summary.restore',
  async run(ctx, { positionals }) {
    const [file] = positionals;
    if (!file) {
      ctx.err(ctx.t('cli.usageLine', { usage: this.usage }));
      return EXIT.usage;
    }
    if (!existsSync(resolve(file))) {
      ctx.err(ctx.t('cli.fileUnreadable', { file: resolve(file), reason: 'ENOENT' }));
      return EXIT.usage;
    }
    // A healthy database is restored by an administrator only (backup.list's role check); on a damaged
    // one any signed-in user may restore, as on the recovery screen.
    if (ctx.core.health.ok) await ctx.call('backup.list', {});
    const result = ctx.core.backups.prepareRestore(resolve(file)).commit();
    ctx.out(ctx.t('cli.restore.done', { file: result.restored, version: result.schemaVersion }));
    if (result.setAsideAs) ctx.out(ctx.t('cli.restore.setAside', { file: result.setAsideAs }));
    return EXIT.done;
  },
};
