/**
 * Where backups go, and what is there. The folder is kept in `backup.json` in the data folder, not in
 * the database: when the database is damaged, recovery must still find the backups (often on a
 * network share), and restoring an old copy must not move the folder.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { BackupEntry, BackupKind } from '../../../shared/api/methods/backup';

const CONFIG_FILE = 'backup.json';
/** mdk-backup-20261123T140500123Z-auto.sqlite */
const NAME_PATTERN = /^mdk-backup-(\d{8})T(\d{9})Z-(auto|manual)\.sqlite$/;

export const defaultBackupFolder = (dataDir: string) => join(dataDir, 'backups');

interface BackupConfig {
  folder?: string;
}

function readConfig(dataDir: string): BackupConfig {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, CONFIG_FILE), 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as BackupConfig) : {};
  } catch {
    return {};
  }
}

/** The administrator's folder, or `backups` in the data folder. */
export function backupFolder(dataDir: string): string {
  const folder = readConfig(dataDir).folder;
  return folder && isAbsolute(folder) ? folder : defaultBackupFolder(dataDir);
}

/** null = back to the default folder. Written to a temporary file first so the config is never half written. */
export function saveBackupFolder(dataDir: string, folder: string | null): void {
  const tmp = join(dataDir, `${CONFIG_FILE}.tmp`);
  writeFileSync(tmp, JSON.stringify({ ...readConfig(dataDir), folder: folder ?? undefined }, null, 2));
  renameSync(tmp, join(dataDir, CONFIG_FILE));
}

export function ensureFolder(folder: string): void {
  mkdirSync(folder, { recursive: true });
}

export function backupFileName(takenAt: Date, kind: BackupKind): string {
  const iso = takenAt.toISOString(); // 2026-11-23T14:05:00.123Z
  const stamp = `${iso.slice(0, 10).replace(/-/g, '')}T${iso.slice(11, 23).replace(/[:.]/g, '')}Z`;
  return `${BACKUP_PREFIX}${stamp}-${kind}.sqlite`;
}
const BACKUP_PREFIX = 'mdk-backup-';

export function parseBackupName(name: string): { takenAt: string; kind: BackupKind } | null {
  const m = NAME_PATTERN.exec(name);
  if (!m) return null;
  const [d, t] = [m[1], m[2]];
  const takenAt = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${t.slice(6, 9)}Z`;
  return Number.isNaN(Date.parse(takenAt)) ? null : { takenAt, kind: m[3] as BackupKind };
}

/** Backups in the folder, newest first (files that do not follow our naming are ignored). */
export function listBackupFiles(folder: string): BackupEntry[] {
  if (!existsSync(folder)) return [];
  const out: BackupEntry[] = [];
  for (const name of readdirSync(folder)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    try {
      const st = statSync(join(folder, name));
      if (st.isFile()) out.push({ name, ...parsed, sizeBytes: st.size });
    } catch {
      // Removed while listing (rotation in another process): skip.
    }
  }
  return out.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}
