import type { Db } from '../../db/driver';
import type { BackupService } from './service';
import { ApiError } from '../../../shared/api/errors';

/**
 * Handlers only get the connection (`ctx.db`); this finds the backup service of the core that owns
 * it. Taking a backup (VACUUM INTO refuses to run inside a transaction; the backup API is
 * asynchronous) and swapping the database file cannot happen inside the handler's transaction, so
 * the handler checks what it can and parks the rest here; the core runs it once the transaction is
 * over and its result becomes the call's result (core.ts).
 */
export interface AfterCommit {
  run(): unknown;
  /** Called instead of run when the call failed after parking (clean-up of staged files). */
  discard(): void;
}

const services = new WeakMap<Db, BackupService>();
const parked = new WeakMap<BackupService, AfterCommit>();

export function registerBackupService(db: Db, service: BackupService): void {
  services.set(db, service);
}

export function backupServiceFor(db: Db): BackupService {
  const s = services.get(db);
  if (!s) throw new ApiError('internal', 'error.internal');
  return s;
}

export function parkAfterCommit(service: BackupService, action: AfterCommit): void {
  parked.get(service)?.discard();
  parked.set(service, action);
}

export function takeParked(service: BackupService): AfterCommit | undefined {
  const p = parked.get(service);
  parked.delete(service);
  return p;
}
