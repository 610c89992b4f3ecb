/**
 * Which automatic backups to keep: the newest of each of the last `daily` days that have one and the
 * newest of each of the last `monthly` months (grandfather–father rotation). Manual backups and the
 * copies set aside before a restore are never deleted automatically: an administrator made them.
 */
export interface RotationPolicy {
  daily: number;
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 14, monthly: 12 };

export interface RotatableBackup {
  name: string;
  /** UTC instant the backup was taken (ISO-8601). */
  takenAt: string;
  kind: 'auto' | 'manual';
}

/** Names of automatic backups the policy no longer keeps, oldest first. */
export function backupsToDelete(backups: readonly RotatableBackup[], policy: RotationPolicy = DEFAULT_ROTATION): string[] {
  const auto = backups.filter((b) => b.kind === 'auto').sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  const keep = new Set<string>();
  const pick = (period: (iso: string) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of auto) {
      const p = period(b.takenAt);
      if (seen.has(p)) continue;
      if (seen.size >= count) break;
      seen.add(p);
      keep.add(b.name);
    }
  };
  pick((iso) => iso.slice(0, 10), policy.daily);
  pick((iso) => iso.slice(0, 7), policy.monthly);
  return auto
    .filter((b) => !keep.has(b.name))
    .map((b) => b.name)
    .reverse();
}
