/**
 * Bounds and fuzzing of the whole API contract. Iterates over `api`, so methods
 * other features add later are checked and fuzzed too, with no change here.
 * Reproduce a failure with MDK_FUZZ_SEED=<seed printed in the failure>; MDK_FUZZ_RUNS sets calls per method.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { api, ROLES, type MethodName, type Role } from '../../src/shared/api';
import { ERROR_CODES, type ApiErrorShape } from '../../src/shared/api/errors';
import { hasMessage } from '../../src/shared/i18n';
import type { Db } from '../../src/main/db/driver';
import { checkHealth } from '../../src/main/db/migrate';
import { testCore, withWorkplace } from './helpers';
import { insertPatient } from '../factories';
import { junk, mutate, sample, seededRng, unboundedPaths } from './fuzz/schema-walk';

const methods = Object.keys(api) as MethodName[];
/** Methods that take no input and do a long job: fuzzed with a few calls only. */
const FEW_CALLS = new Set<string>(['security.rekey', 'demo.load']);

/** Every row of every table, hashed: a failed call must leave this exactly as it was. */
function snapshot(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type IN ('table','index','trigger','view') ORDER BY name").all() as {
    name: string;
    sql: string | null;
  }[];
  // Append-only tables (the access log and its index, security events) refuse UPDATE and DELETE by
  // trigger, so only an insert can change them: their count and highest rowid say as much as their
  // rows, and they grow with every call (hashing them whole made the test slower with each call).
  const refusing = (event: string) =>
    db
      .prepare("SELECT tbl_name FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE ? AND sql NOT LIKE '% WHEN %'")
      .pluck()
      .all(`%BEFORE ${event} ON%`) as string[];
  const noDelete = new Set(refusing('DELETE'));
  const appendOnly = new Set(refusing('UPDATE').filter((t) => noDelete.has(t)));
  for (const t of tables) {
    // The access log's per-patient index is filled in the background behind the log; a long job that
    // yields between its chunks (demo load) lets it run, which is no write of the failed call's own.
    if (t.name.startsWith('access_log_patient_index') || t.name === 'access_log_index_state') continue;
    hash.update(`${t.name}\n${t.sql ?? ''}\n`);
    if (!t.sql?.startsWith('CREATE TABLE')) continue;
    const name = `"${t.name.replace(/"/g, '""')}"`;
    if (appendOnly.has(t.name) && !/WITHOUT\s+ROWID/i.test(t.sql)) {
      hash.update(JSON.stringify(db.prepare(`SELECT count(*), max(rowid) FROM ${name}`).raw().get()));
      continue;
    }
    for (const row of db.prepare(`SELECT * FROM ${name}`).raw().iterate())
      hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  }
  return hash.digest('hex');
}

/** A sample the schema accepts when one turns up within a few tries, so calls get past validation. */
function acceptedSample(schema: z.ZodType, rng: () => number): unknown {
  let last: unknown;
  for (let i = 0; i < 40; i++) {
    last = sample(schema, rng);
    if (schema.safeParse(last).success) return last;
  }
  return last;
}

function checkEnvelope(out: unknown): { ok: boolean; error?: ApiErrorShape } {
  expect(out).toBeTypeOf('object');
  const env = out as { ok: boolean; result?: unknown; error?: ApiErrorShape };
  expect(typeof env.ok).toBe('boolean');
  if (!env.ok) {
    expect(ERROR_CODES).toContain(env.error!.code);
    expect(hasMessage(env.error!.messageKey), `unknown message key ${env.error!.messageKey}`).toBe(true);
    for (const issue of env.error!.issues ?? []) expect(hasMessage(issue.messageKey), `unknown message key ${issue.messageKey}`).toBe(true);
  }
  return env;
}

describe('API input bounds', () => {
  it('every method of the contract bounds every text and list in its input', () => {
    const unbounded = methods.flatMap((m) => unboundedPaths(api[m].input).map((p) => `${m}: ${p.replace(/^\$\.?/, '') || '(input)'}`));
    expect(unbounded).toEqual([]);
  });

  it('the bounds walker itself finds unbounded inputs', async () => {
    const { z } = await import('zod');
    expect(unboundedPaths(z.object({ a: z.string(), b: z.array(z.string().max(3)), c: z.string().max(5).optional() }))).toEqual(['$.a', '$.b']);
  });
});

describe('API fuzzing through the router', () => {
  it('answers random and malformed input to every method with an ApiError envelope and writes nothing on failure', async () => {
    const seed = Number(process.env.MDK_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const runs = Number(process.env.MDK_FUZZ_RUNS ?? 60);
    const rng = seededRng(seed);
    let role: Role = 'administrator';
    const { core, api: client } = await testCore({ hooks: { resolveCaller: () => ({ userId: null, name: 'fuzz', role, unitId: null }) } });
    await withWorkplace(client);
    insertPatient(core.db, { personnummer: '191212121212' });
    const session = core.newSession();
    const internal: string[] = [];
    const partial: string[] = [];
    let before = snapshot(core.db);
    let calls = 0;
    let planned = 0;
    const slow: [string, number][] = [];

    for (const method of methods) {
      const spec = api[method];
      // Act as a role that may call the method, so the input reaches validation and the handler.
      role = spec.roles === 'any' ? 'administrator' : (spec.roles.find((r) => ROLES.includes(r)) ?? 'administrator');
      // A key change re-encrypts the whole database and the demo load writes a year of a unit's work;
      // neither takes input, so a few calls fuzz them enough (60 demo loads alone took over 100 s).
      // Imports parse files (CSV, PDF forms): as many calls as any other method, each a whole file.
      const n = FEW_CALLS.has(method) ? 3 : runs;
      planned += n;
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        const r = rng();
        const base = acceptedSample(spec.input, rng);
        const input = r < 0.3 ? base : r < 0.85 ? mutate(base, rng) : junk(rng);
        let out;
        try {
          out = await core.router(method, input, session);
        } catch (e) {
          internal.push(`${method} threw ${String(e)} (seed ${seed})`);
          continue;
        }
        calls++;
        const env = checkEnvelope(out);
        if (!env.ok && env.error!.code === 'internal') internal.push(`${method} → internal for ${JSON.stringify(input)?.slice(0, 300)} (seed ${seed})`);
        const after = snapshot(core.db);
        if (!env.ok && after !== before) partial.push(`${method} failed with ${env.error!.code} but changed the database (seed ${seed})`);
        before = after;
      }
      slow.push([method, performance.now() - t0]);
    }
    // Unknown method names and junk session ids are refused too.
    const unknown = checkEnvelope(await core.router('nope.' + 'x'.repeat(5000), {}, session));
    expect(unknown.error?.code).toBe('unknown_method');
    expect(checkEnvelope(await core.router('__proto__', {}, session)).error?.code).toBe('unknown_method');

    // The five slowest methods, for whoever finds this test slow again.
    console.log(
      `fuzz: slowest methods ${slow
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([m, ms]) => `${m} ${Math.round(ms)} ms`)
        .join(', ')} (seed ${seed})`,
    );
    expect(internal).toEqual([]);
    expect(partial).toEqual([]);
    expect(calls).toBe(planned);
    expect(checkHealth(core.db).ok).toBe(true);
  }, 300_000);
});
