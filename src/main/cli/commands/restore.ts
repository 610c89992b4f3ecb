import { resolve } from 'node:path';
import type { CliCommand } from '../command';

/**
 * `mdk restore FILE`: checks FILE fully (integrity, foreign keys, schema, key) and only then replaces
 * the database; the replaced one is kept in `replaced/` in the data folder. Works on a damaged database.
 * Signs in like every command: the key from the sign-in must open FILE, so a backup of another
 * installation (or a plaintext copy) is refused.
 */
export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: 'mdk restore FILE',
  summary: 'Återställ databasen från en säkerhetskopia (kontrolleras först; den gamla sparas undan)',
  async run(ctx, { positionals }) {
    const [file] = positionals;
    if (!file) {
      ctx.err('Ange säkerhetskopians fil: mdk restore FILE');
      return 2;
    }
    // A healthy database is restored by an administrator only (backup.list's role check); on a damaged
    // one any signed-in user may restore, as on the recovery screen.
    if (ctx.core.health.ok) await ctx.call('backup.list', {});
    const result = ctx.core.backups.prepareRestore(resolve(file)).commit();
    ctx.out(`Databasen är återställd från ${result.restored} (schema ${result.schemaVersion}).`);
    if (result.setAsideAs) ctx.out(`Den tidigare databasen är sparad som ${result.setAsideAs}`);
    return 0;
  },
};
