/**
 * Backups of one data folder: take one now, list them, rotate, and restore one after checking it.
 * Used by the router handlers (administrators), the recovery screen, the scheduler and the CLI.
 */
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Db } from '../../db/driver';
import type { Migration } from '../../db/migrate';
import { ApiError, conflict, invalid, notFound } from '../../../shared/api/errors';
import type { BackupEntry, BackupKind, BackupOverview, RestoreResult } from '../../../shared/api/methods/backup';
import { backupFileName, backupFolder, defaultBackupFolder, ensureFolder, listBackupFiles, parseBackupName, saveBackupFolder } from './folder';
import { backupsToDelete, DEFAULT_ROTATION, type RotationPolicy } from './rotation';
import { inspectDatabaseFile, writeSnapshot } from './snapshot';

/** What the service needs from the core that owns the database. */
export interface DatabaseHost {
  dataDir: string;
  databaseFile: string;
  migrations: readonly Migration[];
  /** Raw key of an encrypted database; undefined for plaintext. */
  key(): Buffer | undefined;
  /** The open connection; null while the database is damaged (nothing is opened for writing then). */
  db(): Db | null;
  /**
   * Closes the live connection, lets `swap` move files, then opens (and migrates) the database again.
   * If opening fails, `undo` puts the old files back and the old database is opened again.
   */
  replaceDatabase(swap: () => void, undo: () => void): { schemaVersion: string };
  now(): Date;
}

/** A restore checked and ready; `commit` replaces the database (outside any transaction). */
export interface PreparedRestore {
  name: string;
  commit(): RestoreResult;
  discard(): void;
}

const fileStamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('.', '');

export class BackupService {
  constructor(
    private readonly host: DatabaseHost,
    private readonly rotation: RotationPolicy = DEFAULT_ROTATION,
  ) {}

  migrations(): readonly Migration[] {
    return this.host.migrations;
  }

  key(): Buffer | undefined {
    return this.host.key();
  }

  folder(): string {
    return backupFolder(this.host.dataDir);
  }

  overview(): BackupOverview {
    const folder = this.folder();
    let reachable = true;
    let backups: BackupEntry[] = [];
    try {
      backups = listBackupFiles(folder);
      if (existsSync(folder)) accessSync(folder, constants.W_OK);
    } catch {
      reachable = false;
    }
    return { folder, defaultFolder: defaultBackupFolder(this.host.dataDir), folderReachable: reachable, backups };
  }

  /** The folder must already exist and be writable (a mistyped network path is refused, not created). */
  setFolder(folder: string | null): { folder: string } {
    if (folder !== null) {
      if (!isAbsolute(folder)) throw invalid('folder', 'backup.folderNotAbsolute');
      let ok = false;
      try {
        ok = statSync(folder).isDirectory();
        accessSync(folder, constants.W_OK);
      } catch {
        ok = false;
      }
      if (!ok) throw invalid('folder', 'backup.folderUnreachable');
    }
    saveBackupFolder(this.host.dataDir, folder);
    return { folder: this.folder() };
  }

  /** Writes a backup into the backup folder and applies the rotation to automatic ones. */
  async create(kind: BackupKind): Promise<BackupEntry> {
    const db = this.host.db();
    if (!db) throw new ApiError('database_damaged', 'error.databaseDamaged', { detail: '' });
    const folder = this.folder();
    try {
      ensureFolder(folder);
    } catch {
      throw conflict('backup.folderUnreachableAt', { folder });
    }
    const name = backupFileName(this.host.now(), kind);
    await this.writeTo(join(folder, name));
    this.rotate();
    return { name, ...parseBackupName(name)!, sizeBytes: statSync(join(folder, name)).size };
  }

  /** A backup to a file the user named (CLI `backup --out FILE`). */
  async writeTo(file: string): Promise<void> {
    const db = this.host.db();
    if (!db) throw new ApiError('database_damaged', 'error.databaseDamaged', { detail: '' });
    await writeSnapshot(this.host.databaseFile, file, this.host.key());
  }

  /** Deletes the automatic backups the rotation no longer keeps. */
  rotate(): string[] {
    const folder = this.folder();
    const doomed = backupsToDelete(listBackupFiles(folder), this.rotation);
    for (const name of doomed) rmSync(join(folder, name), { force: true });
    return doomed;
  }

  /** Newest automatic backup's time, for the scheduler. */
  lastAutomatic(): string | null {
    try {
      return listBackupFiles(this.folder()).find((b) => b.kind === 'auto')?.takenAt ?? null;
    } catch {
      return null;
    }
  }

  /** Checks a backup from the folder by name. */
  prepareRestoreByName(name: string): PreparedRestore {
    if (!parseBackupName(name)) throw invalid('name', 'backup.badName');
    const file = join(this.folder(), name);
    if (!existsSync(file)) throw notFound('backup', name);
    return this.prepareRestore(file, name);
  }

  /**
   * Copies the candidate next to the database (a network share may vanish half way) and checks the
   * copy fully: integrity_check, foreign_key_check, readable with our key, a schema this version can
   * open. Nothing is replaced here; a refused candidate leaves no trace.
   */
  prepareRestore(file: string, label = file): PreparedRestore {
    const { dataDir, migrations } = this.host;
    const staged = join(dataDir, `restore-${fileStamp(this.host.now())}.sqlite.tmp`);
    const cleanup = () => {
      for (const f of [staged, `${staged}-wal`, `${staged}-shm`, `${staged}-journal`]) rmSync(f, { force: true });
    };
    try {
      copyFileSync(file, staged);
    } catch {
      cleanup();
      throw notFound('backup', label);
    }
    const report = inspectDatabaseFile(staged, this.host.key(), migrations);
    for (const f of [`${staged}-wal`, `${staged}-shm`]) rmSync(f, { force: true });
    if (!report.ok) {
      cleanup();
      throw conflict(report.tooNew ? 'backup.restoreTooNew' : 'backup.restoreRejected', { name: label, problem: report.problems[0] ?? '' });
    }
    let done = false;
    return {
      name: label,
      discard: () => {
        if (!done) cleanup();
        done = true;
      },
      commit: () => {
        if (done) throw conflict('backup.restoreRejected', { name: label, problem: 'already used' });
        done = true;
        return this.swapIn(staged, label, cleanup);
      },
    };
  }

  /** Puts the checked copy in place; the replaced database (with its -wal/-shm) is moved aside, not deleted. */
  private swapIn(staged: string, label: string, cleanup: () => void): RestoreResult {
    const { dataDir, databaseFile } = this.host;
    const asideDir = join(dataDir, 'replaced');
    mkdirSync(asideDir, { recursive: true });
    const aside = join(asideDir, `mdk-replaced-${fileStamp(this.host.now())}.sqlite`);
    const suffixes = ['', '-wal', '-shm'];
    const moved: string[] = [];
    try {
      const { schemaVersion } = this.host.replaceDatabase(
        () => {
          for (const s of suffixes) {
            if (existsSync(databaseFile + s)) {
              renameSync(databaseFile + s, aside + s);
              moved.push(s);
            }
          }
          renameSync(staged, databaseFile);
        },
        () => {
          rmSync(databaseFile, { force: true });
          for (const s of suffixes) rmSync(databaseFile + s, { force: true });
          for (const s of moved) renameSync(aside + s, databaseFile + s);
        },
      );
      return { restored: label, setAsideAs: moved.length ? aside : '', schemaVersion };
    } finally {
      cleanup();
    }
  }
}
