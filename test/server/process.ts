/**
 * The unit server as its own process (`src/main/server/main.ts`), as an administrator runs it: for the
 * e2e tests and the load test. Resolves once it printed its address and certificate fingerprint.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src/main/paths';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  fingerprint: string;
  stop(): Promise<void>;
}

export function startServerProcess(dataDir: string, port = 0): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(projectRoot(), 'src/main/server/main.ts'), '--data', dataDir, '--host', '127.0.0.1', '--port', String(port)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    let fingerprint = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      fingerprint ||= /fingerprint: ([0-9A-F:]{95})/.exec(out)?.[1] ?? '';
      const url = /address: (https:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1];
      if (url && fingerprint) resolve({ child, url, fingerprint, stop });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}
