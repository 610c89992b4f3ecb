import { z } from 'zod';
import { defineMethod } from '../contract';

export type BackupKind = 'auto' | 'manual';

export interface BackupEntry {
  /** File name in the backup folder, e.g. mdk-backup-20261123T140500123Z-auto.sqlite. */
  name: string;
  takenAt: string;
  kind: BackupKind;
  sizeBytes: number;
}

export interface BackupOverview {
  folder: string;
  defaultFolder: string;
  /** The folder cannot be reached (network share down): shown as a warning. */
  folderReachable: boolean;
  backups: BackupEntry[];
}

export interface RestoreResult {
  restored: string;
  /** Where the replaced database was put aside (in the data folder), so nothing is lost. */
  setAsideAs: string;
  schemaVersion: string;
}

export interface RecoveryStatus {
  damaged: boolean;
  /** Technical findings of the start-up check (integrity_check lines), for the IT department. */
  problems: string[];
  folder: string;
  backups: BackupEntry[];
  /** Newest backup that passed the full check; null when none did. */
  newestGood: string | null;
}

/** File names only (never paths): the service joins them to the backup folder. */
const backupName = z
  .string()
  .max(80, { message: 'validation.tooLong' })
  .regex(/^mdk-backup-\d{8}T\d{9}Z-(auto|manual)\.sqlite$/, { message: 'backup.badName' });

/** Backups and recovery: administrators back up and restore; recovery works while damaged. */
export const backupMethods = {
  'backup.list': defineMethod({ input: z.object({}), roles: ['administrator'], patientData: 'none' }).returns<BackupOverview>(),
  'backup.create': defineMethod({ input: z.object({}), roles: ['administrator'], patientData: 'none' }).returns<BackupEntry>(),
  'backup.setFolder': defineMethod({
    input: z.object({
      // null = back to the default folder in the data folder.
      folder: z.string().trim().min(1, { message: 'validation.required' }).max(1_000, { message: 'validation.tooLong' }).nullable(),
    }),
    roles: ['administrator'],
    patientData: 'none',
  }).returns<{ folder: string }>(),
  'backup.restore': defineMethod({ input: z.object({ name: backupName }), roles: ['administrator'], patientData: 'none' }).returns<RestoreResult>(),
  // While the database is damaged there are no readable accounts; the recovery screen needs these two.
  'recovery.status': defineMethod({ input: z.object({}), roles: 'any', patientData: 'none' }).returns<RecoveryStatus>(),
  /** An administrator restores; any other signed-in user needs the recovery key shown at setup. */
  'recovery.restore': defineMethod({
    input: z.object({ name: backupName, recoveryKey: z.string().max(60, { message: 'validation.tooLong' }).nullish() }),
    roles: 'any',
    patientData: 'none',
  }).returns<RestoreResult>(),
};
