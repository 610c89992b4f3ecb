import type { Handlers } from '../../router/router';
import { conflict } from '../../../shared/api/errors';
import type { BackupEntry, RestoreResult } from '../../../shared/api/methods/backup';
import { backupServiceFor, parkAfterCommit } from './registry';

/** Backup methods. The file work of create and restore runs after the router's transaction (registry.ts). */
export const backupHandlers: Pick<
  Handlers,
  'backup.list' | 'backup.create' | 'backup.setFolder' | 'backup.restore' | 'recovery.status' | 'recovery.restore'
> = {
  'backup.list': (_input, ctx) => backupServiceFor(ctx.db).overview(),
  'backup.create': (_input, ctx) => {
    const service = backupServiceFor(ctx.db);
    parkAfterCommit(service, { run: () => service.create('manual'), discard: () => {} });
    return undefined as unknown as BackupEntry; // replaced by the parked action's result
  },
  'backup.setFolder': ({ folder }, ctx) => backupServiceFor(ctx.db).setFolder(folder),
  'backup.restore': ({ name }, ctx) => {
    const service = backupServiceFor(ctx.db);
    // Checked now (a refused backup fails the call before anything is touched), swapped in after commit.
    const prepared = service.prepareRestoreByName(name);
    parkAfterCommit(service, { run: () => prepared.commit(), discard: () => prepared.discard() });
    return undefined as unknown as RestoreResult;
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
