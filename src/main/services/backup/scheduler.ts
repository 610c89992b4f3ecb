import type { Core } from '../../core';

export interface SchedulerOptions {
  /** How often to look whether a backup is due (default hourly). */
  checkEveryMs?: number;
  /** Age of the newest automatic backup that makes a new one due (default 24 h). */
  maxAgeMs?: number;
  log?: (line: string) => void;
}

/**
 * Automatic backups: one once the database is open (after the first sign-in: the key is needed, and the
 * backups stay encrypted with it), then whenever the newest automatic one is older than a day, for as
 * long as the app runs. Started by the Electron shell and browser mode (not by tests or the CLI).
 * A backup that fails (network share away) is logged and retried at the next check.
 */
export function startBackupScheduler(core: Core, options: SchedulerOptions = {}): { stop(): void; tick(): Promise<void> } {
  const checkEvery = options.checkEveryMs ?? 60 * 60 * 1000;
  const maxAge = options.maxAgeMs ?? 24 * 60 * 60 * 1000;
  const log = options.log ?? ((l) => console.log(l));
  let running = false;
  let first = true;

  async function tick() {
    if (running || !core.security.isOpen) return;
    // Never while the check after sign-in runs: a damaged copy must not push a good one out.
    if (!(await core.healthChecked).ok || running) return;
    const last = core.backups.lastAutomatic();
    const due = first || !last || Date.now() - Date.parse(last) >= maxAge;
    if (!due) return;
    running = true;
    try {
      const entry = await core.backups.create('auto');
      first = false;
      log(`[backup] ${entry.name} → ${core.backups.folder()}`);
    } catch (e) {
      log(`[backup] misslyckades / failed: ${(e as Error).message}`);
    } finally {
      running = false;
    }
  }

  const timer = setInterval(() => void tick(), checkEvery);
  timer.unref();
  const startTimer = setTimeout(() => void tick(), 0);
  startTimer.unref();
  const unsubscribe = core.onDatabaseOpen(() => void tick());
  return {
    stop: () => {
      unsubscribe();
      clearInterval(timer);
      clearTimeout(startTimer);
    },
    tick,
  };
}
