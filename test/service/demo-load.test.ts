import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { testCore, withWorkplace } from './helpers';
import { testNow } from '../clock';
import { loadDemo } from '../../src/main/services/demo/load';
import { handlers } from '../../src/main/router/handlers';
import type { RequestContext } from '../../src/main/router/context';
import type { Core } from '../../src/main/core';
import type { Handlers } from '../../src/main/router/router';
import type { CoreMethod } from '../../src/main/router/handlers';
import { demoSteps } from '../../src/main/demo/generate';
import { undoableWrites, undoInterruptedWrites } from '../../src/main/db/undoable-writes';

/** The context the router gives `demo.load`: each chunk in its own transaction, progress recorded. */
function loadContext(core: Core, progress: [number, number][]): RequestContext {
  const db = core.db;
  return {
    db,
    dataDir: core.dataDir,
    caller: { userId: 1, name: 'Anna Administratör', role: 'administrator', unitId: null },
    method: 'demo.load',
    sessionId: 'demo-load-test',
    now: testNow,
    notePatientAccess: () => {},
    progress: (done, total) => progress.push([done, total]),
    writeChunk: (write) => db.transaction(write).immediate(),
    afterCommit: () => {
      throw new Error('no file work in a demo load');
    },
  };
}

/**
 * Every row of every table the load may write (the append-only logs aside; the search index's own
 * tables are compared by what a search finds).
 */
function contents(core: Core): Record<string, unknown[]> {
  const db = core.db;
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'access_log%' AND name NOT LIKE 'patient_search%' AND name <> 'security_event'",
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
}

/** A database with a workplace and `chunks` chunks of a demo load written, the job still open. */
async function partlyLoaded(chunks: number) {
  const { core, api, dataDir } = await testCore();
  await withWorkplace(api);
  const before = contents(core);
  const db = core.db;
  const steps = demoSteps(db, { now: testNow(), dataDir, handlers, historyDays: 30 });
  const writes = undoableWrites(db);
  for (let i = 0; i < chunks; i++) db.transaction(() => writes.chunk(() => steps.next())).immediate();
  return { core, api, dataDir, db, writes, before };
}

describe('demo load as a long job', () => {
  it('reports its progress after every chunk, rising to the total, and answers other calls meanwhile', async () => {
    const { core, api } = await testCore();
    const progress: [number, number][] = [];
    let loaded = false;
    const load = loadDemo(loadContext(core, progress), handlers, { historyDays: 20, chunkMs: 0 }).then((r) => ((loaded = true), r));
    // Asked while the load runs: answered between its chunks, before the load is done.
    const info = await api.call('system.info', {});
    expect(loaded).toBe(false);
    expect(info.workplace).toBeNull();
    const { summary } = await load;
    expect(summary.referrals).toBeGreaterThan(0);

    // One step for the units, people and series, one per day (20 days back and today), one for the next lists.
    const total = 20 + 3;
    expect(progress.every(([, t]) => t === total)).toBe(true);
    expect(progress.map(([d]) => d)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(progress.at(-1)).toEqual([total, total]);
    expect((await api.call('system.info', {})).demo).toBe(true);
  });

  it('a failure part-way removes what the earlier chunks wrote and puts back the chosen workplace', async () => {
    const { core, api } = await testCore();
    await withWorkplace(api);
    const before = contents(core);
    let created = 0;
    const failing = {
      ...handlers,
      'referrals.create': (input, ctx) => {
        if (++created > 40) throw new Error('disk full');
        return handlers['referrals.create'](input, ctx);
      },
    } as Omit<Handlers, CoreMethod>;
    const progress: [number, number][] = [];
    await expect(loadDemo(loadContext(core, progress), failing, { historyDays: 30, chunkMs: 0 })).rejects.toThrow('disk full');
    // It had written several chunks (days with referrals) before it failed.
    expect(progress.length).toBeGreaterThan(5);

    expect(contents(core)).toEqual(before);
    expect((await api.call('system.info', {})).demo).toBe(false);
    expect((await api.call('referrals.list', { search: 'DEMO' })).rows).toEqual([]);
    // And the load can be made again, in full.
    const again = await loadDemo(loadContext(core, []), handlers, { historyDays: 30 });
    expect(again.summary.referrals).toBeGreaterThan(40);
  });

  it('a load whose process died part-way is undone at the next open; one whose process still runs is left to it', async () => {
    // Eight chunks of a load, as loadDemo writes them, and then nothing: the process is gone.
    const { core, api, dataDir, db, before } = await partlyLoaded(8);
    expect(contents(core)).not.toEqual(before);
    expect((await api.call('system.info', {})).demo).toBe(true);

    // Another process on this computer that still runs (the app while the CLI opens the folder) owns it.
    db.prepare('UPDATE undo_job SET pid = ?').run(process.ppid);
    expect(undoInterruptedWrites(db)).toBe(false);
    // That process dies: the next open takes its writes back.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    db.prepare('UPDATE undo_job SET pid = ?').run(dead);
    core.close();
    const reopened = await testCore({ dataDir });
    expect(contents(reopened.core)).toEqual(before);
    expect((await reopened.api.call('system.info', {})).demo).toBe(false);
    expect((await reopened.api.call('referrals.list', { search: 'DEMO' })).rows).toEqual([]);
    expect(reopened.core.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'undo%'").pluck().get()).toBe(0);
  });

  it('a load cut off by the last sign-out in its own process is undone at the next sign-in', async () => {
    const { core, dataDir, writes, before } = await partlyLoaded(5);
    core.close();
    writes.done(); // the job ends after its connection: the record stays in the file
    const reopened = await testCore({ dataDir });
    expect(contents(reopened.core)).toEqual(before);
  });
});
