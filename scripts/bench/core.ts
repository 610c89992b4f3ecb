/**
 * The benchmark's cores. The measured core runs as the desktop app runs it: in a process of its own
 * (core-process.ts, the same runtime as the app's utility process: slow-call log, daily backups),
 * answering over a message channel, and signed in through `auth.login` with the real passphrase KDF.
 * A cold measure starts a new process; the warm ones share one long-lived process.
 * The floors read the same encrypted file on a bare connection with the database key, which this
 * process learns once by signing in itself (`databaseKey`).
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../src/main/core';
import { databaseFile } from '../../src/main/core-files';
import { openDatabase, type Db } from '../../src/main/db/driver';
import { connectToCore, type CoreClient } from '../../src/main/host/core-client';
import type { Channel } from '../../src/main/host/channel';
import type { FromCore, ToCore } from '../../src/main/host/messages';
import type { Router } from '../../src/main/router/router';
import type { Input, MethodName, Output } from '../../src/shared/api';
import type { BenchReply, BenchRequest } from './core-process';

/** The benchmark's administrator. Created with the app's own KDF (STRONG_KDF), as a real first start does. */
export const BENCH_USER = { name: 'Bengt Bänk', userName: 'bench', passphrase: 'bänkens långa lösenfras 2026' };

/** Calls a router as one session, throwing on an error answer. */
export function caller(router: Router, session: string) {
  return async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
    const r = await router(method, input, session);
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.result as Output<M>;
  };
}

/** An in-process core for building the dataset: set up (first start) or signed in as the bench user. */
export async function openSetupCore(dataDir: string) {
  const core = createCore({ dataDir });
  const session = core.newSession();
  const call = caller(core.router, session);
  const { state } = await call('auth.status', {});
  if (state === 'setup') await call('auth.setup', { ...BENCH_USER, passphraseRepeat: BENCH_USER.passphrase });
  else await call('auth.login', { userName: BENCH_USER.userName, passphrase: BENCH_USER.passphrase });
  return { core, call };
}

const keys = new Map<string, Buffer>();

/** The folder's database key, learnt by one sign-in in this process (the core is closed at once). */
export async function databaseKey(dataDir: string): Promise<Buffer> {
  let key = keys.get(dataDir);
  if (!key) {
    const { core } = await openSetupCore(dataDir);
    await core.healthChecked;
    key = Buffer.from(core.security.key!);
    core.close();
    keys.set(dataDir, key);
  }
  return key;
}

/** A bare connection to the (encrypted) file with the app's pragmas: the floors' work without our layers. */
export async function openRaw(dataDir: string): Promise<Db> {
  return openDatabase(databaseFile(dataDir), { key: await databaseKey(dataDir) });
}

export interface CoreProcess {
  dataDir: string;
  /** The router's signature over the channel (for the HTTP bridge of the Chromium measure). */
  router: Router;
  /** Calls as the process's signed-in session. */
  call: <M extends MethodName>(method: M, input: Input<M>) => Promise<Output<M>>;
  session: string;
  /** `auth.login` as the bench user (the real KDF). */
  signIn(): Promise<void>;
  /** Settles when the check after sign-in and the first automatic backup are done: no work left in the background. */
  settled(): Promise<void>;
  /** The process's peak resident memory so far, in MB. */
  peakRssMb(): Promise<number>;
  stop(): Promise<void>;
}

/** Peak RSS (MB) of the stopped processes, by what each was started for. */
const peaks = new Map<string, number>();
const running = new Map<CoreProcess, string>();

/** The highest peak RSS of every core process the benchmark has run, in MB, and what that process did. */
export async function corePeakRssMb(): Promise<{ mb: number; by: string }> {
  for (const [p, label] of running) peaks.set(label, Math.max(peaks.get(label) ?? 0, await p.peakRssMb()));
  const [by, mb] = [...peaks].reduce((a, e) => (e[1] > a[1] ? e : a), ['none', 0]);
  return { mb, by };
}

const entry = fileURLToPath(new URL('./core-process.ts', import.meta.url));

/** Starts a core process on the folder (not signed in yet) and waits until it answers; `label`: what it is for. */
export async function startCoreProcess(dataDir: string, label: string): Promise<CoreProcess> {
  const child = fork(entry, [dataDir], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const channel: Channel<FromCore, ToCore> = {
    post: (message) => child.send(message),
    onMessage: (listener) => child.on('message', (m) => listener(m as FromCore)),
    close: () => child.disconnect(),
  };
  const client: CoreClient = connectToCore(channel);
  child.once('exit', () => client.gone());
  const waiting = new Map<string, (reply: BenchReply) => void>();
  child.on('message', (m) => {
    const reply = m as BenchReply;
    if (reply.kind !== 'bench') return;
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  const ask = (request: Omit<BenchRequest, 'id' | 'kind'>) =>
    new Promise<BenchReply>((resolve) => {
      const id = randomUUID();
      waiting.set(id, resolve);
      child.send({ kind: 'bench', id, ...request } satisfies BenchRequest);
    });
  await client.ready;
  const session = randomUUID();
  let last = 0;
  const p: CoreProcess = {
    dataDir,
    router: client.call,
    session,
    call: caller(client.call, session),
    async signIn() {
      await p.call('auth.login', { userName: BENCH_USER.userName, passphrase: BENCH_USER.passphrase });
    },
    settled: async () => void (await ask({ what: 'settled' })),
    async peakRssMb() {
      if (!running.has(p)) return last;
      last = ((await ask({ what: 'memory' })).maxRssKb ?? 0) / 1024;
      return last;
    },
    async stop() {
      if (!running.has(p)) return;
      peaks.set(label, Math.max(peaks.get(label) ?? 0, await p.peakRssMb()));
      running.delete(p);
      await client.stop();
      await exited;
    },
  };
  running.set(p, label);
  return p;
}

/** Starts a fresh core process and signs in: what a user has after typing the passphrase. */
export async function signedInProcess(dataDir: string, label: string): Promise<CoreProcess> {
  const p = await startCoreProcess(dataDir, label);
  await p.signIn();
  return p;
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running.keys()].map((p) => p.stop()));
}
