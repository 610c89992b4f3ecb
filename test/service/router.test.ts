import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../src/main/db/driver';
import { createRouter, type Handlers } from '../../src/main/router/router';
import type { PatientAccess } from '../../src/main/router/context';
import { ApiError } from '../../src/shared/api/errors';
import { tempDir } from './helpers';

/** A router over a scratch database with hand-made handlers, to pin the router's own rules. */
function scratchRouter(handlers: Partial<Handlers>) {
  const db = openDatabase(join(tempDir(), 'r.sqlite'));
  db.exec('CREATE TABLE note (text TEXT NOT NULL) STRICT');
  const logged: PatientAccess[][] = [];
  const router = createRouter({
    db,
    dataDir: tempDir(),
    handlers: handlers as Handlers,
    hooks: {
      resolveCaller: () => ({ userId: 1, name: 'Test', role: 'administrator', unitId: null }),
      recordPatientAccess: (_ctx, accesses) => void logged.push([...accesses]),
    },
    logError: () => {},
  });
  return { db, router, logged };
}

describe('router', () => {
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
});
