/**
 * Long jobs do not stop reads: an import writes in chunks, a batch export makes its files one plan
 * at a time, and the calls that arrive meanwhile are answered in between; the job's session sees its
 * progress through `system.jobs`.
 */
import { describe, expect, it } from 'vitest';
import { tempDir, testCore, withWorkplace } from './helpers';
import { arrangeDischarge } from '../care-plans/arrange';
import { addDays, dateBetween, seededRandom, syntheticPersonnummer } from '../../src/main/demo/synthetic';
import { IMPORT_CHUNK_ROWS } from '../../src/main/services/referrals/import/import';

const now = () => new Date('2026-11-23T09:00:00Z');

function csv(rows: number): string {
  const rnd = seededRandom(42);
  const lines = ['personnummer;reservnummer_region;efternamn;fornamn;vardomrade;remitterande_enhet;mottagen;valgrundad_misstanke;extern_id'];
  for (let i = 0; i < rows; i++) {
    const pnr = syntheticPersonnummer(rnd, dateBetween(rnd, '1930-01-01', '2000-12-31'), 'female');
    const received = dateBetween(rnd, '2026-06-01', '2026-11-15');
    lines.push(`${pnr};;Svensson;Anna;SARCOMA;SU;${received};${addDays(received, -10)};LONG-${i}`);
  }
  return Buffer.from(lines.join('\n')).toString('base64');
}

describe('long jobs', () => {
  it('answers reads while an import runs, and shows the import its progress', async () => {
    const { api } = await testCore({ now });
    await withWorkplace(api);
    const rows = 3 * IMPORT_CHUNK_ROWS + 500;
    const base64 = csv(rows);
    const events: string[] = [];
    const importDone = api.call('referrals.importCommit', { fileName: 'big.csv', base64 }).then((r) => {
      events.push('import');
      return r;
    });
    const progress: number[] = [];
    const reads = (async () => {
      while (!events.includes('import')) {
        const info = await api.call('system.info', {});
        expect(info.schemaVersion).toBeTruthy();
        const page = await api.call('referrals.list', {});
        expect(page).toBeTruthy();
        const jobs = await api.call('system.jobs', {});
        if (jobs[0]) progress.push(jobs[0].done);
        events.push('read');
        await new Promise((r) => setImmediate(r));
      }
    })();
    const report = await importDone;
    await reads;
    expect(report.counts.valid).toBeGreaterThan(rows * 0.95); // a few synthetic personnummer repeat
    expect(report.counts.imported).toBe(report.counts.valid);
    // Reads were answered before the import finished …
    expect(events.indexOf('read')).toBeGreaterThanOrEqual(0);
    expect(events.indexOf('read')).toBeLessThan(events.indexOf('import'));
    // … and saw it part-way, growing chunk by chunk.
    expect(progress.some((done) => done > 0 && done < report.counts.valid)).toBe(true);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(await api.call('system.jobs', {})).toEqual([]);
  });
});

describe('long jobs: batch export', () => {
  it('answers reads between the plans of a batch export, and shows the export its progress', async () => {
    const { core, api } = await testCore({ now });
    await withWorkplace(api);
    const rnd = seededRandom(7);
    const plans = 4;
    for (let i = 0; i < plans; i++) {
      const { referralId } = arrangeDischarge(core.db, { personnummer: syntheticPersonnummer(rnd, dateBetween(rnd, '1940-01-01', '1990-12-31'), 'female') });
      const { id } = await api.call('carePlans.create', { referralId });
      const plan = await api.call('carePlans.get', { id });
      await api.call('carePlans.save', {
        ...plan,
        contactNurse: 'Karin Öberg',
        contactNursePhone: '031-342 20 00',
        responsiblePhysician: 'Dr Åke Ström',
        treatmentSummary: 'Klar.',
        dischargeDate: '2026-11-20',
      });
      await api.call('carePlans.finalise', { id });
    }
    const events: string[] = [];
    const exported = api.call('carePlans.batchExport', { from: '2026-11-01', to: '2026-11-30', format: 'both', outDir: tempDir() }).then((r) => {
      events.push('export');
      return r;
    });
    const progress: number[] = [];
    while (!events.includes('export')) {
      expect((await api.call('system.info', {})).schemaVersion).toBeTruthy();
      const job = (await api.call('system.jobs', {})).find((j) => j.method === 'carePlans.batchExport');
      if (job) progress.push(job.done);
      events.push('read');
      await new Promise((r) => setImmediate(r));
    }
    const result = await exported;
    expect(result).toMatchObject({ total: plans, processed: plans, nextOffset: null });
    expect(result.written).toHaveLength(2 * plans);
    // Reads were answered while the export was still writing its files …
    expect(events.indexOf('read')).toBeLessThan(events.indexOf('export'));
    // … and saw it part-way, plan by plan.
    expect(progress.some((done) => done > 0 && done < plans)).toBe(true);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });
});

describe('long jobs: backup', () => {
  it('copies and checks the database off the core thread: a read made just after asking for a backup is answered first', async () => {
    const { api } = await testCore({ now });
    await withWorkplace(api);
    const events: string[] = [];
    const backup = api.call('backup.create', {}).then((entry) => {
      events.push('backup');
      return entry;
    });
    await api.call('system.info', {});
    events.push('read');
    const entry = await backup;
    expect(events).toEqual(['read', 'backup']);
    expect((await api.call('backup.list', {})).backups.map((b) => b.name)).toContain(entry.name);
  });
});
