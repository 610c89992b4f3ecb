/** "Markera som kompletta" for many referrals at once, in the inbox and at import. */
import { describe, expect, it } from 'vitest';
import { testCore, withWorkplace } from './helpers';
import { insertPatient, insertReferral } from '../factories';

const now = () => new Date('2026-11-23T09:00:00Z');

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as { code: string };
  }
  throw new Error('expected an error');
}

describe('bulk mark complete', () => {
  it('completes only those whose check passes, lists the others with what they lack, logs each access, in one transaction', async () => {
    const { core, api } = await testCore({ localRole: 'contact_nurse', now });
    const db = core.db;
    const ref = (family: string, status = 'received') =>
      insertReferral(db, { status, patientId: insertPatient(db, { familyName: family, givenName: 'Åsa', birthDate: '1950-01-02' }) });
    const ready = [ref('Alm'), ref('Berg'), ref('Carlsson', 'awaiting_completion')];
    const lacking = ref('Dahl');
    db.prepare('UPDATE referral SET question = NULL, ecog = NULL WHERE id = ?').run(lacking);
    const listed = ref('Ek', 'listed');
    const status = (id: number) => db.prepare('SELECT status FROM referral WHERE id = ?').pluck().get(id);
    const logged = () => db.prepare("SELECT count(*) FROM access_log WHERE method = 'referrals.markCompleteMany' AND action = 'change'").pluck().get();

    const result = await api.call('referrals.markCompleteMany', { ids: [...ready, lacking, listed] });
    expect(result.completed.map((c) => c.patientName)).toEqual(['Åsa Alm', 'Åsa Berg', 'Åsa Carlsson']);
    expect(result.notCompleted).toEqual([
      { id: lacking, patientName: 'Åsa Dahl', status: 'received', missing: ['question', 'ecog'] },
      { id: listed, patientName: 'Åsa Ek', status: 'listed', missing: [] },
    ]);
    expect(ready.map(status)).toEqual(['complete', 'complete', 'complete']);
    expect([status(lacking), status(listed)]).toEqual(['received', 'listed']);
    expect(logged()).toBe(5);
    const events = db
      .prepare("SELECT user_name, from_status, to_status, at FROM referral_event WHERE referral_id = ? AND to_status = 'complete'")
      .all(ready[2]);
    expect(events).toEqual([
      { user_name: 'Sara Kontaktsjuksköterska', from_status: 'awaiting_completion', to_status: 'complete', at: '2026-11-23T09:00:00.000Z' },
    ]);

    // One unknown id refuses the whole call: nothing changes, nothing is logged.
    const more = ref('Fors');
    expect((await errorOf(api.call('referrals.markCompleteMany', { ids: [more, 999_999] }))).code).toBe('not_found');
    expect(status(more)).toBe('received');
    expect(logged()).toBe(5);
  });

  it('a physician may not mark referrals complete', async () => {
    const { core, api } = await testCore({ localRole: 'physician', now });
    const id = insertReferral(core.db, {
      status: 'received',
      patientId: insertPatient(core.db, { familyName: 'Alm', givenName: 'Åsa', birthDate: '1950-01-02' }),
    });
    expect((await errorOf(api.call('referrals.markCompleteMany', { ids: [id] }))).code).toBe('forbidden');
  });

  it('the import preview says which valid rows are complete, and the commit can mark those complete at once', async () => {
    const { core, api } = await testCore({ now });
    await withWorkplace(api);
    const header =
      'personnummer;efternamn;fornamn;vardomrade;remitterande_enhet;remitterande_lakare;telefon;mottagen;fragestallning;icd10;diagnosgrund;anamnes;ecog;bilder;patient_informerad';
    const base64 = Buffer.from(
      [
        header,
        '19121212-1212;Åström;Märta;ANAL;HELSINGBORG;Dr Berg;042-10 00;2026-11-02;Kurativ behandling?;C21.1;PAD;Blödning.;1;ja;ja',
        '811228-9874;Ölund;Per;ANAL;HELSINGBORG;Dr Berg;042-10 00;2026-11-03;;C21.1;PAD;Blödning.;;ja;ja',
      ].join('\n'),
    ).toString('base64');
    const preview = await api.call('referrals.importPreview', { fileName: 'a.csv', base64 });
    expect(preview.rows.map((r) => [r.status, r.missing])).toEqual([
      ['valid', []],
      ['valid', ['question', 'ecog']],
    ]);
    const done = await api.call('referrals.importCommit', { fileName: 'a.csv', base64, markComplete: true });
    expect(done.counts).toMatchObject({ imported: 2, markedComplete: 1 });
    const statuses = core.db.prepare('SELECT p.family_name, r.status FROM referral r JOIN patient p ON p.id = r.patient_id ORDER BY p.family_name').all();
    expect(statuses).toEqual([
      { family_name: 'Åström', status: 'complete' },
      { family_name: 'Ölund', status: 'received' },
    ]);
  });
});
