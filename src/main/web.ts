/**
 * Browser mode (`npm run web`): the core plus the loopback HTTP bridge, serving the built renderer.
 * Open the printed URL in Chromium; the token in its fragment authorises this browser tab.
 */
import { join } from 'node:path';
import { defaultDataDir, projectRoot } from './paths';
import { startHttpBridge } from './transport/http-bridge';
import { parseArgs } from 'node:util';
import { ApiError } from '../shared/api/errors';
import { describeError } from '../shared/i18n/describe-error';
import { startCoreRuntime, type CoreRuntime } from './host/runtime';
import { CONNECTION_FILE, connectionService } from './server/connection-setting';

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string' }, data: { type: 'string' } } });
  const dataDir = values.data ?? defaultDataDir();
  let runtime: CoreRuntime;
  try {
    // The same runtime as the desktop app's core process: slow-call log, daily backups.
    runtime = startCoreRuntime({ dataDir, holdDataFolder: true });
  } catch (e) {
    if (e instanceof ApiError) {
      console.error(describeError('sv', e));
      process.exit(2);
    }
    throw e;
  }
  const { core } = runtime;
  const bridge = await startHttpBridge({
    router: runtime.router,
    staticDir: join(projectRoot(), 'dist', 'renderer'),
    port: values.port ? Number(values.port) : 0,
    connection: connectionService(join(dataDir, CONNECTION_FILE)),
  });
  // The database is checked at the first sign-in (the key is needed); damage is reported then.
  core.onDatabaseOpen(() => {
    if (!core.health.ok) console.error(`Databasen är skadad / the database is damaged: ${core.health.problems.join('; ')}`);
  });
  console.log(`MDK Coordinator (webbläsarläge) · data: ${dataDir}`);
  console.log(`Öppna i Chromium: ${bridge.url}`);
  const stop = () => {
    void bridge.close().then(() => {
      runtime.stop();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
