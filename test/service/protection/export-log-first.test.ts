import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { testToday } from '../../clock';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, testCore, withWorkplace, TEST_PASSPHRASE } from '../helpers';
import { arrangeDischarge } from '../../care-plans/arrange';
import type { Core } from '../../../src/main/core';
import type { ApiClient } from '../../../src/shared/api/client';

const PNRS = ['194612019882', '195203142397', '194001019802', '196408233234', '197001012384', '198112289874'];

/** `count` finalised care plans, one patient each. */
async function finalisedPlans(core: Core, api: ApiClient, count: number): Promise<{ referralId: number; patientId: number }[]> {
  const out: { referralId: number; patientId: number }[] = [];
  for (let i = 0; i < count; i++) {
    const arranged = arrangeDischarge(core.db, { familyName: `Exportsson${i}`, personnummer: PNRS[i % PNRS.length] });
    const { id } = await api.call('carePlans.create', { referralId: arranged.referralId });
    const plan = await api.call('carePlans.get', { id });
    await api.call('carePlans.save', {
      ...plan,
      contactNurse: 'Karin Öberg',
      contactNursePhone: '031-342 20 00',
      responsiblePhysician: 'Dr Åke Ström',
      treatmentSummary: 'Radiokemoterapi avslutad.',
      dischargeDate: '2026-11-20',
    });
    await api.call('carePlans.finalise', { id });
    out.push(arranged);
  }
  return out;
}

/** Every exported file's patient (from its name vardplan-<referral>-v<n>, or a temporary .vardplan-…part) has an export row in the log. */
function unloggedFiles(core: Core, dir: string): string[] {
  const logged = new Set(
    core.db.prepare("SELECT patient_id FROM access_log WHERE action = 'export' AND method = 'carePlans.batchExport'").pluck().all() as number[],
  );
  return readdirSync(dir).filter((f) => {
    const referralId = Number(/^\.?vardplan-(\d+)-v\d+/.exec(f)?.[1]); // a temporary .part file too
    const patientId = core.db.prepare('SELECT patient_id FROM referral WHERE id = ?').pluck().get(referralId) as number | undefined;
    return patientId === undefined || !logged.has(patientId);
  });
}

describe('exports: the log row before the file', () => {
  it('a batch export that fails part-way leaves only logged, complete files (0600)', async () => {
    const { core, api } = await testCore();
    await withWorkplace(api);
    const plans = await finalisedPlans(core, api, 3);
    const out = tempDir();
    // The second plan's FHIR file cannot take its name: the export fails after three files.
    const blocker = join(out, `vardplan-${plans[1].referralId}-v1.fhir.json`);
    mkdirSync(blocker);
    writeFileSync(join(blocker, 'keep'), 'x');
    const today = testToday();
    await expect(api.call('carePlans.batchExport', { from: today, to: today, format: 'both', outDir: out, limit: 10 })).rejects.toBeTruthy();

    const files = readdirSync(out).filter((f) => join(out, f) !== blocker);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(unloggedFiles(core, out).filter((f) => join(out, f) !== blocker)).toEqual([]);
    for (const f of files) expect(statSync(join(out, f)).mode & 0o777).toBe(0o600);
  });

  it('batch export goes only to an existing folder outside the data folder, and creates none', async () => {
    const { core, api, dataDir } = await testCore();
    await withWorkplace(api);
    await finalisedPlans(core, api, 1);
    const today = testToday();
    const attempt = (outDir: string) =>
      api.call('carePlans.batchExport', { from: today, to: today, format: 'pdf', outDir }).then(
        () => 'written',
        (e) => e.issues?.[0]?.messageKey,
      );
    expect(await attempt(dataDir)).toBe('export.insideDataFolder');
    expect(await attempt(join(dataDir, 'exports'))).toBe('carePlan.outDirNotWritable');
    const nowhere = join(tempDir(), 'a', 'b', 'c');
    expect(await attempt(nowhere)).toBe('carePlan.outDirNotWritable');
    expect(existsSync(join(nowhere, '..', '..'))).toBe(false);
    expect(await attempt(tempDir())).toBe('written');
  });

  it('kill -9 of `mdk export-careplans` mid-run leaves no file without its log row', { timeout: 120_000 }, async () => {
    const { core, api, dataDir } = await testCore();
    await withWorkplace(api);
    await finalisedPlans(core, api, 6);
    core.close();
    const out = tempDir();
    const today = testToday();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/main/cli/index.ts',
        'export-careplans',
        '--data',
        dataDir,
        '--user',
        'admin',
        '--from',
        today,
        '--to',
        today,
        '--format',
        'both',
        '--out',
        out,
      ],
      { env: { ...process.env, MDK_PASSPHRASE: TEST_PASSPHRASE }, stdio: 'ignore' },
    );
    // Killed as soon as the first complete file appears, while later plans are still being written.
    await new Promise<void>((resolve, reject) => {
      const started = Date.now(); // elapsed time for a give-up limit only; no date is read
      const poll = setInterval(() => {
        const done = readdirSync(out).filter((f) => !f.endsWith('.part'));
        if (done.length > 0 || Date.now() - started > 90_000) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
      child.on('error', reject);
    });
    await new Promise((r) => child.on('exit', r));
    const again = await testCore({ dataDir });
    const files = readdirSync(out).filter((f) => !f.endsWith('.part'));
    expect(files.length).toBeGreaterThan(0);
    expect(unloggedFiles(again.core, out)).toEqual([]);
  });

  it('with no folder (browser mode) the files come back in the answer, logged first; a folder export still needs its folder', async () => {
    const { core, api } = await testCore();
    await withWorkplace(api);
    const plans = await finalisedPlans(core, api, 2);
    const today = testToday();
    await expect(api.call('carePlans.batchExport', { from: today, to: today, format: 'pdf' })).rejects.toMatchObject({
      issues: [{ path: 'outDir', messageKey: 'validation.required' }],
    });
    const chunk = await api.call('carePlans.batchExport', { from: today, to: today, format: 'both', download: true, limit: 10 });
    expect(chunk.outDir).toBeNull();
    const names = plans.flatMap((p) => [`vardplan-${p.referralId}-v1.fhir.json`, `vardplan-${p.referralId}-v1.pdf`]).sort();
    expect(chunk.files!.map((f) => f.fileName).sort()).toEqual(names);
    expect(chunk.written.sort()).toEqual(names);
    expect(
      Buffer.from(chunk.files!.find((f) => f.fileName.endsWith('.pdf'))!.base64, 'base64')
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF');
    const logged = core.db
      .prepare("SELECT patient_id FROM access_log WHERE action = 'export' AND method = 'carePlans.batchExport' ORDER BY patient_id")
      .pluck()
      .all();
    expect(logged).toEqual(plans.map((p) => p.patientId).sort((a, b) => a - b));
  });
});
