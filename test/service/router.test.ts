import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../src/main/db/driver';
import { SYNC_WITHIN_MS } from '../../src/main/router/read-durability';
import { createRouter, type Handlers } from '../../src/main/router/router';
import { dataGeneration } from '../../src/main/db/generation';
import type { PatientAccess } from '../../src/main/router/context';
import { ApiError } from '../../src/shared/api/errors';
import { tempDir } from './helpers';

/** A router over a scratch database with hand-made handlers, to pin the router's own rules. */
function scratchRouter(handlers: Partial<Handlers>, file = join(tempDir(), 'r.sqlite')) {
  const db = openDatabase(file);
  db.exec('CREATE TABLE note (text TEXT NOT NULL) STRICT');
  const logged: PatientAccess[][] = [];
  // Like the real access log, each access is also written as a row, inside the call's transaction.
  const logRow = db.prepare("INSERT INTO note (text) VALUES ('access-' || ?)");
  const router = createRouter({
    db,
    dataDir: tempDir(),
    handlers: handlers as Handlers,
    hooks: {
      resolveCaller: () => ({ userId: 1, name: 'Test', role: 'administrator', unitId: null }),
      recordPatientAccess: (_ctx, accesses) => {
        logged.push([...accesses]);
        for (const a of accesses) logRow.run(String(a.objectId));
      },
    },
    logError: () => {},
  });
  return { db, router, logged };
}

describe('router', () => {
  it('moves the data generation after a call that changed data or a commit of another connection, not after a read and its log', async () => {
    const file = join(tempDir(), 'g.sqlite');
    const { router, db } = scratchRouter(
      {
        'patients.lookup': (_input, ctx) => {
          ctx.notePatientAccess({ patientId: 1, objectType: 'patient', objectId: 1 });
          return { patient: null } as never;
        },
        'settings.setLanguage': (_input, ctx) => {
          ctx.db.prepare("INSERT INTO note (text) VALUES ('changed')").run();
          return undefined as never;
        },
      },
      file,
    );
    const start = dataGeneration(db);
    expect(await router('patients.lookup', { identifier: '19121212-1212' }, 's')).toMatchObject({ ok: true });
    expect(dataGeneration(db)).toBe(start); // its access-log row is not a change of data
    expect(await router('settings.setLanguage', { language: 'en' }, 's')).toMatchObject({ ok: true });
    const afterChange = dataGeneration(db);
    expect(afterChange).not.toBe(start);
    const other = openDatabase(file); // e.g. the command line beside the open app
    other.prepare("INSERT INTO note (text) VALUES ('elsewhere')").run();
    other.close();
    expect(dataGeneration(db)).not.toBe(afterChange);
  });

  it('awaits an async handler (PDF rendering) after its synchronous database work commits', async () => {
    // better-sqlite3 refuses a transaction function that returns a promise: this failed as 'internal' once.
    const { router } = scratchRouter({
      'system.info': async () => {
        await new Promise((r) => setTimeout(r, 5));
        return { appVersion: 'x' } as never;
      },
    });
    expect(await router('system.info', {}, 's')).toEqual({ ok: true, result: { appVersion: 'x' } });
  });

  it('rolls back every write of a handler that fails, and answers with its ApiError', async () => {
    const { router, db } = scratchRouter({
      'settings.setLanguage': (_input, ctx) => {
        ctx.db.prepare("INSERT INTO note (text) VALUES ('half-written')").run();
        throw new ApiError('conflict', 'error.internal');
      },
    });
    expect(await router('settings.setLanguage', { language: 'en' }, 's')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(db.prepare('SELECT count(*) FROM note').pluck().get()).toBe(0);
  });

  it('hides unexpected errors behind a translatable internal error and writes nothing', async () => {
    const { router, db } = scratchRouter({
      'settings.setLanguage': (_input, ctx) => {
        ctx.db.prepare("INSERT INTO note (text) VALUES ('x')").run();
        throw new TypeError('secret stack detail');
      },
    });
    const res = await router('settings.setLanguage', { language: 'sv' }, 's');
    expect(res).toEqual({ ok: false, error: { code: 'internal', messageKey: 'error.internal' } });
    expect(db.prepare('SELECT count(*) FROM note').pluck().get()).toBe(0);
  });

  describe('durability of reading calls (read-durability.ts)', () => {
    /** A text reaches the main database file when a checkpoint copies it there from the (fsynced) WAL. */
    const inMainFile = (file: string, text: string) => readFileSync(file).includes(Buffer.from(text));

    function setup(readingHandlerWrites: boolean) {
      const file = join(tempDir(), 'd.sqlite');
      const seen: number[] = [];
      const synchronous = (db: { pragma(s: string, o: { simple: true }): unknown }) => seen.push(db.pragma('synchronous', { simple: true }) as number);
      const { router, db } = scratchRouter(
        {
          'referrals.get': ({ id }, ctx) => {
            synchronous(ctx.db);
            if (readingHandlerWrites) ctx.db.prepare("INSERT INTO note (text) VALUES ('written-' || ?)").run(id);
            ctx.notePatientAccess({ patientId: 1, objectType: 'referral', objectId: id });
            return {} as never;
          },
          'settings.setLanguage': (_input, ctx) => {
            synchronous(ctx.db);
            return {} as never;
          },
        },
        file,
      );
      db.pragma('wal_checkpoint(PASSIVE)');
      return { file, seen, router, db };
    }

    it('commits a change with FULL and a reading call with NORMAL, then syncs its log rows within a second', async () => {
      const { file, seen, router, db } = setup(false);
      await router('settings.setLanguage', { language: 'sv' }, 's');
      expect(await router('referrals.get', { id: 41 }, 's')).toMatchObject({ ok: true });
      expect(seen).toEqual([2, 1]); // 2 = FULL, 1 = NORMAL
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // back to FULL for whatever comes next
      expect(inMainFile(file, 'access-41')).toBe(false); // in the WAL only, not yet fsynced
      await new Promise((r) => setTimeout(r, SYNC_WITHIN_MS + 300));
      expect(inMainFile(file, 'access-41')).toBe(true);
    });

    it('makes a reading handler that did write durable before the call answers', async () => {
      const { file, router } = setup(true);
      expect(await router('referrals.get', { id: 42 }, 's')).toMatchObject({ ok: true });
      expect(inMainFile(file, 'written-42')).toBe(true);
    });
  });
});
