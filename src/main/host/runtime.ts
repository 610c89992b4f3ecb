import { createCore, type Core, type CoreOptions } from '../core';
import type { Router } from '../router/router';
import { startBackupScheduler, type SchedulerOptions } from '../services/backup/scheduler';
import { withSlowCallLog } from './slow-calls';

/** A core as an app runs it: the router behind the slow-call log, and the daily backups. */
export interface CoreRuntime {
  core: Core;
  /** What transports call: the core's router, logging slow calls. */
  router: Router;
  stop(): void;
}

/**
 * Starts the core the way every long-running host does (the desktop app's core process, browser
 * mode, a unit server); the CLI and tests make a core of their own with createCore.
 */
export function startCoreRuntime(options: CoreOptions, backupOptions: SchedulerOptions = {}): CoreRuntime {
  const core = createCore(options);
  const router = withSlowCallLog(core.router, { dataDir: options.dataDir });
  const backups = startBackupScheduler(core, backupOptions);
  return {
    core,
    router,
    stop() {
      backups.stop();
      core.close();
    },
  };
}
