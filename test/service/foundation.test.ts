import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../src/main/db/driver';
import { migrate } from '../../src/main/db/migrate';
import { migrations } from '../../src/main/db/migrations';
import { createCore } from '../../src/main/core';
import { ApiError } from '../../src/shared/api/errors';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { TEST_KDF } from '../../src/main/security/crypto';
import { signInAs, tempDir, testCore, withWorkplace } from './helpers';

describe('database', () => {
  it('opens with WAL, synchronous=FULL, foreign keys and temporary data in memory, and every table is STRICT', async () => {
    const { core } = await testCore();
    expect(core.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(core.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(core.db.pragma('foreign_keys', { simple: true })).toBe(1);
    // 2 = MEMORY: statement journals and sorts never reach a temp file on disk.
    expect(core.db.pragma('temp_store', { simple: true })).toBe(2);
    const tables = core.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
      sql: string;
    }[];
    expect(tables.length).toBeGreaterThan(5);
    // Full-text indexes (virtual tables) and their shadow tables are SQLite's own and cannot be STRICT.
    const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
    const own = tables.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
    for (const t of own) expect(t.sql, t.name).toMatch(/STRICT\s*$/);
  });

  it('applies migrations once and records them', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'x.sqlite'));
    expect(migrate(db, migrations).applied).toEqual(migrations.map((m) => m.id));
    expect(migrate(db, migrations).applied).toEqual([]);
    db.close();
  });

  it('refuses, without writing, a database made by a newer version', async () => {
    const { core, dataDir: dir } = await testCore();
    core.db.prepare("INSERT INTO schema_migration (id, applied_at) VALUES ('9999_from_the_future', 'x')").run();
    core.close();
    const fileHash = () =>
      createHash('sha256')
        .update(readFileSync(join(dir, 'mdk.sqlite')))
        .digest('hex');
    const before = fileHash();
    // The database opens (and migrates) at sign-in, so the refusal comes from there.
    const again = createCore({ dataDir: dir, kdfCost: TEST_KDF });
    let error: unknown;
    try {
      await signInAs(again, again.newSession());
    } catch (e) {
      error = e;
    }
    again.close();
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('database_too_new');
    expect(fileHash()).toBe(before);
  });
});

describe('reference data', () => {
  it('loads the 21 regions, 6 healthcare regions, 7 university hospitals and the care areas', async () => {
    const { api } = await testCore();
    const ref = await api.call('reference.get', {});
    expect(ref.regions).toHaveLength(21);
    expect(ref.healthcareRegions).toHaveLength(6);
    expect(ref.units.filter((u) => u.isUniversityHospital)).toHaveLength(7);
    const anal = ref.careAreas.find((a) => a.code === 'ANAL')!;
    expect(anal.nationalUnitIds).toHaveLength(4);
    const halland = ref.units.filter((u) => u.regionCode === '13');
    expect(new Set(halland.map((u) => u.healthcareRegionCode))).toEqual(new Set(['VASTRA', 'SODRA']));
    expect(ref.regions.find((r) => r.code === '13')!.defaultHealthcareRegionCode).toBeNull();
  });

  it('edits a unit and a care area, and refuses unknown regions with a field error', async () => {
    const { api } = await testCore();
    const { id } = await api.call('reference.saveUnit', { name: 'Onkologkliniken Sundsvall', regionCode: '22', healthcareRegionCode: 'NORRA' });
    await api.call('reference.saveUnit', {
      id,
      name: 'Onkologkliniken, Sundsvalls sjukhus',
      regionCode: '22',
      healthcareRegionCode: 'NORRA',
      phone: '060-18 10 00',
    });
    const ref = await api.call('reference.get', {});
    expect(ref.units.find((u) => u.id === id)).toMatchObject({ name: 'Onkologkliniken, Sundsvalls sjukhus', phone: '060-18 10 00' });
    await expect(api.call('reference.saveUnit', { name: 'X', regionCode: '99', healthcareRegionCode: 'NORRA' })).rejects.toMatchObject({
      code: 'validation',
      issues: [{ path: 'regionCode', messageKey: 'reference.unknownRegion' }],
    });
    await api.call('reference.saveCareArea', {
      code: 'NET',
      nameSv: 'Neuroendokrina tumörer',
      nameEn: 'Neuroendocrine tumours',
      icd10: ['C74'],
      nationalUnitIds: [id],
    });
    expect((await api.call('reference.get', {})).careAreas.find((a) => a.code === 'NET')?.nationalUnitIds).toEqual([id]);
  });
});

describe('router', () => {
  it('validates input before any service runs, with translatable field issues', async () => {
    const { api } = await testCore();
    await expect(api.call('workplace.set', { unitId: 1, careAreaCodes: [] })).rejects.toMatchObject({
      code: 'validation',
      issues: [{ path: 'careAreaCodes', messageKey: 'workplace.pickCareArea' }],
    });
    await expect(api.call('reference.saveUnit', { name: 'x'.repeat(201), regionCode: '01', healthcareRegionCode: 'STHLM_GOTLAND' })).rejects.toMatchObject({
      issues: [{ path: 'name', messageKey: 'validation.tooLong', params: { maximum: 200 } }],
    });
  });

  it('refuses unknown methods and roles the contract does not allow', async () => {
    const { core } = await testCore({
      hooks: { resolveCaller: () => ({ userId: 2, name: 'Sköterska', role: 'contact_nurse', unitId: null }) },
    });
    expect(await core.router('no.such.method', {}, 's')).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await core.router('workplace.set', { unitId: 1, careAreaCodes: ['ILP'] }, 's')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await core.router('reference.get', {}, 's')).toMatchObject({ ok: true });
  });

  it('keeps the first-run workplace in the database file', async () => {
    const { api, dataDir, core } = await testCore();
    const { unit } = await withWorkplace(api);
    core.close();
    const again = createCore({ dataDir, kdfCost: TEST_KDF });
    await signInAs(again, 's');
    const info = await again.router('system.info', {}, 's');
    again.close();
    expect(info).toMatchObject({ ok: true, result: { workplace: { unitId: unit.id, careAreaCodes: ['ILP', 'ANAL', 'SARCOMA'] } } });
  });
});
