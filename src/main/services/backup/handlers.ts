import type { Handlers } from '../../router/router';
import { conflict } from '../../../shared/api/errors';
import { backupServiceFor } from './registry';

/**
 * Backup methods. Taking a backup (VACUUM INTO refuses to run inside a transaction; the backup API is
 * asynchronous) and swapping the database file run after the router's transaction (ctx.afterCommit).
 */
export const backupHandlers: Pick<Handlers, 'backup.list' | 'backup.create' | 'backup.setFolder' | 'backup.restore' | 'recovery.status' | 'recovery.restore'> =
  {
    'backup.list': (_input, ctx) => backupServiceFor(ctx.db).overview(),
    'backup.create': (_input, ctx) => {
      const service = backupServiceFor(ctx.db);
      return ctx.afterCommit(() => service.create('manual'));
    },
    'backup.setFolder': ({ folder }, ctx) => backupServiceFor(ctx.db).setFolder(folder),
    'backup.restore': ({ name }, ctx) => {
      const service = backupServiceFor(ctx.db);
      // Checked now (a refused backup fails the call before anything is touched), swapped in after commit.
      const prepared = service.prepareRestoreByName(name);
      return ctx.afterCommit(
        () => prepared.commit(),
        () => prepared.discard(),
      );
    },
    // With a healthy database the recovery screen has nothing to do.
    'recovery.status': (_input, ctx) => {
      const service = backupServiceFor(ctx.db);
      return { damaged: false, problems: [], folder: service.folder(), backups: [], newestGood: null };
    },
    'recovery.restore': () => {
      throw conflict('recovery.notDamaged');
    },
  };
