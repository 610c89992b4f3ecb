/**
 * `npm run server`: the unit server (enhetsserver) on this machine's network. Flags: --data DIR,
 * --host ADDRESS, --port N (override `mdk-server.json` in the data folder).
 */
import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { defaultDataDir } from '../paths';
import { ApiError } from '../../shared/api/errors';
import { describeError } from '../../shared/i18n/describe-error';
import { runUnitServer, untilStopped } from './run';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { data: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' } } });
  let core;
  try {
    core = createCore({ dataDir: values.data ?? defaultDataDir() });
    const running = await runUnitServer({ core, host: values.host, port: values.port === undefined ? undefined : Number(values.port) });
    return await untilStopped(running, core);
  } catch (e) {
    console.error(e instanceof ApiError ? describeError('sv', e) : (e as Error).message);
    core?.close();
    return 2;
  }
}

void main().then((code) => process.exit(code));
