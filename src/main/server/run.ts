/**
 * Starting the unit server: config, unattended unlock (when `mdk server-init` prepared it), TLS, the
 * HTTPS listener and the daily backups. Shared by `npm run server` and `mdk serve`.
 */
import { join } from 'node:path';
import type { Core } from '../core';
import { projectRoot } from '../paths';
import { startBackupScheduler } from '../services/backup/scheduler';
import { loadServerConfig } from './config';
import { unwrapWithServerKey } from './server-key';
import { loadTlsIdentity } from './tls';
import { startUnitServer, type UnitServer } from './https-server';
import { holdPdfWorkers } from '../documents/pdf-pool';

export interface RunOptions {
  core: Core;
  host?: string;
  port?: number;
  staticDir?: string;
  log?: (line: string) => void;
}

export interface RunningServer {
  server: UnitServer;
  stop(): Promise<void>;
}

export async function runUnitServer(options: RunOptions): Promise<RunningServer> {
  const { core } = options;
  const log = options.log ?? ((l) => console.log(l));
  const config = loadServerConfig(core.dataDir, { host: options.host, port: options.port });
  if (core.security.listUsersUnchecked().length === 0) throw new Error('Servern är inte förberedd: kör `mdk server-init` först / run `mdk server-init` first');
  const key = unwrapWithServerKey(core.dataDir, config.serverKeyFile);
  if (key) {
    core.security.openWithServerKey(key);
    key.fill(0);
  } else log('Ingen servernyckel: databasen öppnas vid första inloggningen / no server key: the database opens at the first sign-in');
  const tls = await loadTlsIdentity(core.dataDir, config.tls);
  const server = await startUnitServer({
    core,
    tls,
    staticDir: options.staticDir ?? join(projectRoot(), 'dist', 'renderer'),
    host: config.host,
    port: config.port,
  });
  const backups = startBackupScheduler(core, { log });
  log(`MDK Coordinator enhetsserver · data: ${core.dataDir}`);
  if (tls.selfSigned) log(`Självsignerat certifikat, SHA-256-fingeravtryck / self-signed certificate fingerprint: ${tls.fingerprint}`);
  else log(`Certifikatets SHA-256-fingeravtryck / certificate fingerprint: ${tls.fingerprint}`);
  log(`Lyssnar på / listening on ${config.host}:${server.port}`);
  log(`Adress / address: ${server.url}`);
  // Every user's calls are answered while a PDF renders (also under `mdk serve`, whose CLI core renders inline).
  const releasePdfWorkers = holdPdfWorkers();
  return {
    server,
    stop: async () => {
      backups.stop();
      await server.close();
      releasePdfWorkers();
    },
  };
}

/** Runs until SIGINT/SIGTERM, then closes the listener and the database. */
export function untilStopped(running: RunningServer, core: Core): Promise<number> {
  return new Promise((resolve) => {
    const stop = () => {
      void running.stop().then(() => {
        core.close();
        resolve(0);
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
