import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { tempDir, testCore, useCliSignIn } from './helpers';
import { insertPatient } from '../factories';
import { openDatabase } from '../../src/main/db/driver';
import { databaseFile } from '../../src/main/core-files';
import { runCli } from '../../src/main/cli';
import { ApiError } from '../../src/shared/api/errors';
import { startBackupScheduler } from '../../src/main/services/backup/scheduler';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const patientCount = (db: Database.Database) => db.prepare('SELECT count(*) FROM patient').pluck().get() as number;

/** Overwrites pages in the middle of the file with garbage: what a failing disk leaves behind. */
function damage(file: string) {
  const buf = readFileSync(file);
  const pageSize = 4096;
  for (let p = 2; p * pageSize < buf.length - pageSize; p += 3) randomBytes(pageSize).copy(buf, p * pageSize);
  writeFileSync(file, buf);
}

async function expectApiError(p: Promise<unknown>, code: string, messageKey?: string) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ApiError);
  expect((e as ApiError).code).toBe(code);
  if (messageKey) expect((e as ApiError).messageKey).toBe(messageKey);
  return e as ApiError;
}

describe('backups', () => {
  it('backs up now into the default folder, lists it, and restores it keeping the replaced database aside', async () => {
    const { core, api, dataDir } = await testCore();
    insertPatient(core.db, { familyName: 'Före' });
    const entry = await api.call('backup.create', {});
    expect(entry.kind).toBe('manual');
    const overview = await api.call('backup.list', {});
    expect(overview.folder).toBe(join(dataDir, 'backups'));
    expect(overview.backups.map((b) => b.name)).toEqual([entry.name]);
    expect(overview.backups[0].sizeBytes).toBeGreaterThan(4096);
    // A backup is one file, with no -wal beside it.
    expect(readdirSync(overview.folder)).toEqual([entry.name]);

    insertPatient(core.db, { familyName: 'Efter' });
    expect(patientCount(core.db)).toBe(2);
    const result = await api.call('backup.restore', { name: entry.name });
    expect(result.restored).toBe(entry.name);
    expect(patientCount(core.db)).toBe(1);
    // The replaced database is kept, with the patient saved after the backup.
    const aside = openDatabase(result.setAsideAs, { readonly: true, key: core.security.key });
    expect(patientCount(aside)).toBe(2);
    aside.close();
    // The app keeps working on the restored database.
    await api.call('settings.setLanguage', { language: 'en' });
    expect((await api.call('system.info', {})).language).toBe('en');
  });

  it('refuses a damaged backup before replacing anything', async () => {
    const { core, api, dataDir } = await testCore();
    insertPatient(core.db);
    const entry = await api.call('backup.create', {});
    damage(join(dataDir, 'backups', entry.name));
    insertPatient(core.db);
    const e = await expectApiError(api.call('backup.restore', { name: entry.name }), 'conflict', 'backup.restoreRejected');
    expect(e.params?.name).toBe(entry.name);
    expect(patientCount(core.db)).toBe(2);
    expect(existsSync(join(dataDir, 'replaced'))).toBe(false);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('restore-'))).toEqual([]);
  });

  it('refuses a backup from a newer version (schema not known here)', async () => {
    const { core, api, dataDir } = await testCore();
    const entry = await api.call('backup.create', {});
    const file = join(dataDir, 'backups', entry.name);
    const db = openDatabase(file, { key: core.security.key });
    db.prepare("INSERT INTO schema_migration (id, applied_at) VALUES ('9999_future', '2030-01-01')").run();
    db.close();
    await expectApiError(api.call('backup.restore', { name: entry.name }), 'conflict', 'backup.restoreTooNew');
    expect(core.db.prepare('SELECT count(*) FROM schema_migration').pluck().get()).toBeGreaterThan(0);
  });

  it('refuses to replace a database another process has open, and keeps working', async () => {
    const { core, api, dataDir } = await testCore();
    insertPatient(core.db);
    const entry = await api.call('backup.create', {});
    const other = openDatabase(databaseFile(dataDir), { key: core.security.key }); // e.g. the desktop app while the CLI restores
    other.prepare('SELECT count(*) FROM patient').get();
    await expectApiError(api.call('backup.restore', { name: entry.name }), 'conflict', 'backup.databaseInUse');
    other.close();
    insertPatient(core.db);
    expect(patientCount(core.db)).toBe(2);
    await api.call('backup.restore', { name: entry.name });
    expect(patientCount(core.db)).toBe(1);
  });

  it('refuses unknown and path-like names, and non-administrators', async () => {
    const { api } = await testCore();
    await expectApiError(api.call('backup.restore', { name: '../mdk.sqlite' }), 'validation');
    await expectApiError(api.call('backup.restore', { name: 'mdk-backup-20260101T000000000Z-auto.sqlite' }), 'not_found');
    const nurse = await testCore({ localRole: 'contact_nurse' });
    await expectApiError(nurse.api.call('backup.list', {}), 'forbidden');
    await expectApiError(nurse.api.call('backup.create', {}), 'forbidden');
  });

  it('writes to the folder the administrator chooses, which must exist', async () => {
    const { api } = await testCore();
    const share = tempDir('mdk-share-');
    await expectApiError(api.call('backup.setFolder', { folder: 'relative/path' }), 'validation');
    const missing = await expectApiError(api.call('backup.setFolder', { folder: join(share, 'missing') }), 'validation');
    expect(missing.issues?.[0]).toMatchObject({ path: 'folder', messageKey: 'backup.folderUnreachable' });
    expect((await api.call('backup.setFolder', { folder: share })).folder).toBe(share);
    const entry = await api.call('backup.create', {});
    expect(existsSync(join(share, entry.name))).toBe(true);
    const back = await api.call('backup.setFolder', { folder: null });
    expect(back.folder.endsWith('backups')).toBe(true);
  });

  it('rotates automatic backups and keeps manual ones', async () => {
    let clock = new Date('2026-01-01T06:00:00Z');
    const { core, api } = await testCore({ now: () => clock });
    for (let d = 0; d < 40; d++) {
      clock = new Date(Date.UTC(2026, 0, 1 + d, 6));
      await core.backups.create('auto');
    }
    await api.call('backup.create', {});
    const { backups } = await api.call('backup.list', {});
    const auto = backups.filter((b) => b.kind === 'auto');
    // Jan 1 – Feb 9: the last 14 days (Jan 27 – Feb 9) already hold the newest of both months.
    expect(auto.slice(0, 14).map((b) => b.takenAt.slice(0, 10))).toEqual(
      Array.from({ length: 14 }, (_, i) => new Date(Date.UTC(2026, 0, 40 - i, 6)).toISOString().slice(0, 10)),
    );
    expect(auto.length).toBe(14);
    expect(backups.filter((b) => b.kind === 'manual')).toHaveLength(1);
  }, 90_000); // 41 backups, each copied and checked in a worker thread of its own
});

describe('backups of an encrypted database', () => {
  it('stay encrypted with the same key: unreadable without it, readable with it, and restorable', async () => {
    // Every database is encrypted: the key is the one the sign-in unwrapped.
    const { core, api, dataDir } = await testCore();
    const key = core.security.key!;
    insertPatient(core.db, { familyName: 'Hemligsson' });
    const entry = await api.call('backup.create', {});
    const file = join(dataDir, 'backups', entry.name);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('Hemligsson'))).toBe(false);
    const plain = new Database(file, { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM patient').get()).toThrow(/not a database/);
    plain.close();
    expect(() =>
      openDatabase(file, { readonly: true, key: randomBytes(32) })
        .prepare('SELECT 1 FROM patient')
        .get(),
    ).toThrow();
    const withKey = openDatabase(file, { readonly: true, key });
    expect(withKey.prepare('SELECT family_name FROM patient').pluck().all()).toEqual(['Hemligsson']);
    withKey.close();

    insertPatient(core.db);
    await api.call('backup.restore', { name: entry.name });
    expect(patientCount(core.db)).toBe(1);
    expect(readFileSync(databaseFile(dataDir)).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  });

  it('refuses to restore a backup that cannot be opened with this database key', async () => {
    const other = await testCore();
    const foreign = await other.api.call('backup.create', {});
    const { core, api, dataDir } = await testCore();
    insertPatient(core.db, { familyName: 'Kvar' });
    mkdirSync(join(dataDir, 'backups'));
    copyFileSync(join(other.dataDir, 'backups', foreign.name), join(dataDir, 'backups', foreign.name));
    const before = sha(databaseFile(dataDir));
    await expectApiError(api.call('backup.restore', { name: foreign.name }), 'conflict');
    expect(sha(databaseFile(dataDir))).toBe(before);
    expect(core.db.prepare('SELECT family_name FROM patient').pluck().all()).toEqual(['Kvar']);
  });
});

describe('a damaged database at start', () => {
  it('writes nothing, refuses every method, and offers and restores the newest good backup', async () => {
    const dataDir = tempDir();
    const first = await testCore({ dataDir });
    insertPatient(first.core.db, { familyName: 'Sparad' });
    const good = await first.api.call('backup.create', {});
    first.core.close();
    damage(databaseFile(dataDir));
    const before = sha(databaseFile(dataDir));

    const { core, api } = await testCore({ dataDir });
    expect(core.health.ok).toBe(false);
    expect(core.health.problems.length).toBeGreaterThan(0);
    await expectApiError(api.call('system.info', {}), 'database_damaged');
    await expectApiError(api.call('settings.setLanguage', { language: 'en' }), 'database_damaged');
    await expectApiError(api.call('backup.create', {}), 'database_damaged');
    expect(sha(databaseFile(dataDir))).toBe(before);

    const status = await api.call('recovery.status', {});
    expect(status).toMatchObject({ damaged: true, newestGood: good.name });
    const result = await api.call('recovery.restore', { name: status.newestGood! });
    expect(sha(result.setAsideAs)).toBe(before);
    expect((await api.call('system.info', {})).schemaVersion).toBeTruthy();
    expect(core.db.prepare('SELECT family_name FROM patient').pluck().all()).toEqual(['Sparad']);
    expect((await api.call('recovery.status', {})).damaged).toBe(false);
  });

  it('finds damage the sign-in check cannot see in the background, then refuses every method', async () => {
    const dataDir = tempDir();
    const first = await testCore({ dataDir });
    first.core.db.transaction(() => {
      for (let i = 0; i < 3000; i++) insertPatient(first.core.db, { familyName: `Efternamn${i}`.padEnd(60, 'x') });
    })();
    first.core.close();
    // Only the last data pages: header, schema and the migration list still read back at sign-in.
    const file = databaseFile(dataDir);
    const buf = readFileSync(file);
    for (let p = buf.length / 4096 - 6; p < buf.length / 4096 - 2; p++) randomBytes(4096).copy(buf, p * 4096);
    writeFileSync(file, buf);

    const { core, api } = await testCore({ dataDir });
    let toldAt: boolean | null = null;
    core.onDatabaseOpen(() => (toldAt = core.health.ok));
    expect(core.health.ok).toBe(true); // signed in at once; the whole check runs in a worker
    expect((await core.healthChecked).ok).toBe(false);
    expect(core.health.problems.length).toBeGreaterThan(0);
    await new Promise((r) => setImmediate(r));
    expect(toldAt).toBe(false); // the open-listeners (automatic backup) hear of it only after the check
    await expectApiError(api.call('system.info', {}), 'database_damaged');
    expect((await api.call('auth.status', {})).databaseDamaged).toBe(true);
    expect((await api.call('recovery.status', {})).damaged).toBe(true);
  });

  it('signs in on an intact database without waiting for the whole check, which then passes', async () => {
    const dataDir = tempDir();
    (await testCore({ dataDir })).core.close();
    const { core, api } = await testCore({ dataDir });
    expect((await core.healthChecked).ok).toBe(true);
    expect((await api.call('auth.status', {})).databaseDamaged).toBe(false);
    expect((await api.call('system.info', {})).schemaVersion).toBeTruthy();
  });

  it('says so when no backup is good', async () => {
    const dataDir = tempDir();
    const first = await testCore({ dataDir });
    first.core.close();
    damage(databaseFile(dataDir));
    const { api } = await testCore({ dataDir });
    const status = await api.call('recovery.status', {});
    expect(status).toMatchObject({ damaged: true, newestGood: null, backups: [] });
  });
});

describe('CLI backup and restore', () => {
  useCliSignIn();
  it('backs up to --out FILE and restores FILE on a real data folder', async () => {
    const dataDir = tempDir();
    const outDir = tempDir('mdk-out-');
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
    const seed = await testCore({ dataDir });
    insertPatient(seed.core.db, { familyName: 'Cli' });
    seed.core.close();

    const out = join(outDir, 'kopia.sqlite');
    expect(await runCli(['backup', '--out', out, '--data', dataDir], io)).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(0);
    expect(await runCli(['backup', '--out', out, '--data', dataDir], io)).toBe(2); // never overwrites

    const again = await testCore({ dataDir });
    insertPatient(again.core.db, { familyName: 'Senare' });
    again.core.close();
    expect(await runCli(['restore', out, '--data', dataDir], io)).toBe(0);
    const check = await testCore({ dataDir });
    expect(check.core.db.prepare('SELECT family_name FROM patient').pluck().all()).toEqual(['Cli']);
    check.core.close();

    // A damaged file is refused with a clear message and nothing changes.
    const bad = join(outDir, 'trasig.sqlite');
    copyFileSync(out, bad);
    damage(bad);
    const before = sha(databaseFile(dataDir));
    expect(await runCli(['restore', bad, '--data', dataDir], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/klarade inte kontrollen/);
    expect(sha(databaseFile(dataDir))).toBe(before);
  });
});

describe('backup scheduler', () => {
  it('backs up at start, then only when the newest automatic backup is a day old', async () => {
    const { core, api } = await testCore();
    const log: string[] = [];
    const scheduler = startBackupScheduler(core, { log: (l) => log.push(l) });
    await scheduler.tick();
    await scheduler.tick();
    scheduler.stop();
    const { backups } = await api.call('backup.list', {});
    expect(backups.filter((b) => b.kind === 'auto')).toHaveLength(1);
    expect(log[0]).toMatch(/\[backup\] mdk-backup-.*-auto\.sqlite/);

    const eagerLog: string[] = [];
    const eager = startBackupScheduler(core, { maxAgeMs: 0, log: (l) => eagerLog.push(l) });
    // Its own start tick first: its backup is written in a worker thread, so wait until it is logged.
    await vi.waitFor(() => expect(eagerLog.length).toBeGreaterThan(0), { timeout: 20_000, interval: 20 });
    const afterStart = eagerLog.length;
    await eager.tick();
    await new Promise((r) => setTimeout(r, 5)); // distinct file names (millisecond stamps)
    await eager.tick();
    eager.stop();
    expect(eagerLog.slice(afterStart).filter((l) => l.includes('-auto.sqlite'))).toHaveLength(2);
    // Same day: the rotation keeps only the newest automatic one.
    expect((await api.call('backup.list', {})).backups).toHaveLength(1);
  });
});
