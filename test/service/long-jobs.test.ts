/**
 * Long jobs do not stop reads: an import writes in chunks and the calls that arrive meanwhile are
 * answered between them; its session sees the progress through `system.jobs`.
 */
import { describe, expect, it } from 'vitest';
import { testCore, withWorkplace } from './helpers';
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
    const { api } = testCore({ now });
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
