import type { Db } from '../../db/driver';
import type { BackupService } from './service';
import { ApiError } from '../../../shared/api/errors';

/**
 * Handlers only get the connection (`ctx.db`); this finds the backup service of the core that owns
 * it. Their file work runs after the router's transaction (`ctx.afterCommit`).
 */
const services = new WeakMap<Db, BackupService>();

export function registerBackupService(db: Db, service: BackupService): void {
  services.set(db, service);
}

export function backupServiceFor(db: Db): BackupService {
  const s = services.get(db);
  if (!s) throw new ApiError('internal', 'error.internal');
  return s;
}
