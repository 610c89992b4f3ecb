import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { testCore, tempDir } from './helpers';
import { insertMeeting, insertPatient, insertReferral } from '../factories';
import { pdfText } from '../pdf-text';
import type { Core } from '../../src/main/core';
import { setWorkplace } from '../../src/main/services/system/workplace';
import { unitIdByCode } from '../factories';
import { PROPOSAL_SHOWN_ROWS } from '../../src/shared/api/methods/case-lists';

function arrange(core: Core) {
  const db = core.db;
  // The first-run choice (an administrator's), arranged directly so any role can act in the test.
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ILP', 'ANAL', 'SARCOMA'] });
  db.prepare("UPDATE care_area SET treatment_options = ?, lead_time_target_days = 30 WHERE code = 'ANAL'").run(
    JSON.stringify(['Radiokemoterapi', 'Kirurgi', 'Brachyterapi']),
  );
  const first = insertMeeting(db, {
    localDate: '2026-11-20',
    startsAt: '2026-11-20T07:00:00.000Z',
    deadlineAt: '2026-11-16T15:00:00.000Z',
    capacityCases: 3,
    minutesPerCase: 10,
  });
  const second = insertMeeting(db, {
    localDate: '2026-11-27',
    startsAt: '2026-11-27T07:00:00.000Z',
    deadlineAt: '2026-11-23T15:00:00.000Z',
    capacityCases: 3,
    minutesPerCase: 10,
  });
  const ref = (name: string, r: Parameters<typeof insertReferral>[1] extends infer T ? Omit<T & object, 'patientId'> : never, pnr?: string) =>
    insertReferral(db, { ...r, patientId: insertPatient(db, { familyName: name, givenName: 'Åsa', birthDate: '1952-03-04', personnummer: pnr }) });
  const ids = {
    normalOld: ref('Andersson', { receivedDate: '2026-11-02', suspicionDate: null }, '195203049876'),
    urgent: ref('Björk', { receivedDate: '2026-11-12', priority: 'urgent', suspicionDate: null }),
    pressing: ref('Cederlund', { receivedDate: '2026-11-10', suspicionDate: '2026-10-15' }),
    newer: ref('Dahl', { receivedDate: '2026-11-14', suspicionDate: null }),
    late: ref('Ek', { receivedDate: '2026-11-18', suspicionDate: null }),
    otherArea: ref('Fors', { careAreaCode: 'SARCOMA', icd10: 'C49.2' }),
    incomplete: ref('Gran', { status: 'awaiting_completion' }),
  };
  return { first, second, ids };
}

const status = (core: Core, id: number) => core.db.prepare('SELECT status FROM referral WHERE id = ?').pluck().get(id);

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as { code: string; messageKey: string; issues?: { path: string; messageKey: string }[] };
  }
  throw new Error('expected an error');
}

describe('case lists and the meeting', () => {
  it('proposes in agenda order within capacity, late ones apart, overflow to the next meeting', async () => {
    const { core, api } = await testCore();
    const { first, second, ids } = arrange(core);
    const p = await api.call('caseLists.proposal', { meetingId: first });
    expect(p.fits.map((c) => c.referralId)).toEqual([ids.urgent, ids.pressing, ids.normalOld]);
    expect(p.overflow.map((c) => c.referralId)).toEqual([ids.newer]);
    expect(p.late.map((c) => c.referralId)).toEqual([ids.late]);
    expect(p.nextMeeting).toEqual({ id: second, localDate: '2026-11-27' });
    const meetings = await api.call('caseLists.meetings', {});
    expect(meetings.map((m) => m.id)).toEqual([first, second]);
  });

  it('builds, reorders, locks, runs and finalises; the postponed case is on the next list', async () => {
    const { core, api } = await testCore({ localRole: 'physician' });
    const { first, second, ids } = arrange(core);
    const p = await api.call('caseLists.proposal', { meetingId: first });
    await api.call('caseLists.add', { meetingId: first, referralIds: p.fits.map((c) => c.referralId), byHand: false });
    await api.call('caseLists.add', { meetingId: first, referralIds: [ids.late] });
    expect((await errorOf(api.call('caseLists.add', { meetingId: first, referralIds: [ids.otherArea] }))).issues?.[0].messageKey).toBe(
      'caseList.wrongCareArea',
    );
    expect((await errorOf(api.call('caseLists.add', { meetingId: first, referralIds: [ids.incomplete] }))).messageKey).toBe('caseList.notReady');
    await api.call('caseLists.reorder', { meetingId: first, referralIds: [ids.pressing, ids.urgent, ids.normalOld, ids.late] });
    await api.call('caseLists.setMinutes', { meetingId: first, referralId: ids.late, minutes: 15 });
    let view = await api.call('caseLists.get', { meetingId: first });
    expect(view.items.map((i) => i.referralId)).toEqual([ids.pressing, ids.urgent, ids.normalOld, ids.late]);
    expect(view.items.map((i) => i.plannedStart.slice(11, 16))).toEqual(['07:00', '07:10', '07:20', '07:30']);
    expect(view.items[3].addedByHand).toBe(true);

    await api.call('caseLists.lock', { meetingId: first });
    expect(status(core, ids.urgent)).toBe('listed');
    expect((await errorOf(api.call('caseLists.remove', { meetingId: first, referralId: ids.urgent }))).messageKey).toBe('caseList.locked');
    expect((await errorOf(api.call('caseLists.unlock', { meetingId: first, reason: ' ' }))).issues?.[0].path).toBe('reason');
    await api.call('caseLists.unlock', { meetingId: first, reason: 'Patient tillkom' });
    expect(status(core, ids.urgent)).toBe('complete');
    await api.call('caseLists.lock', { meetingId: first });

    const bad = await errorOf(
      api.call('recommendations.record', {
        meetingId: first,
        referralId: ids.pressing,
        intent: 'curative',
        treatments: ['Homeopati'],
        rediscussDate: '2026-11-01',
      }),
    );
    expect(bad.issues?.[0]).toMatchObject({ path: 'treatments', messageKey: 'recommendation.unknownTreatment' });
    await api.call('recommendations.record', {
      meetingId: first,
      referralId: ids.pressing,
      intent: 'curative',
      treatments: ['Radiokemoterapi'],
      treatmentText: 'Enligt Nigro-regim.',
      placeOfTreatment: 'Skånes universitetssjukhus Lund',
      nextStep: 'Kallas till onkologisk bedömning',
      responsibleUnitId: null,
      rediscussDate: '2027-02-15',
    });
    expect(status(core, ids.pressing)).toBe('discussed');
    await api.call('recommendations.postpone', { meetingId: first, referralId: ids.urgent });
    const fin = await api.call('caseLists.finalise', { meetingId: first });
    expect(fin.postponed).toBe(2); // normalOld and late were not reached

    const next = await api.call('caseLists.get', { meetingId: second });
    expect(next.items.map((i) => i.referralId)).toEqual([ids.urgent, ids.normalOld, ids.late]);
    expect(next.items[0].carriedFrom).toEqual({ meetingId: first, localDate: '2026-11-20' });
    expect(status(core, ids.urgent)).toBe('complete');

    // Due for re-discussion (date 2027-02-15): proposed again for a meeting on or after that date, marked so.
    const later = insertMeeting(core.db, { localDate: '2027-02-19', startsAt: '2027-02-19T07:00:00.000Z', capacityCases: 10 });
    const again = await api.call('caseLists.proposal', { meetingId: later });
    expect(again.fits.find((c) => c.referralId === ids.pressing)?.rediscussion).toBe(true);
    expect((await api.call('caseLists.proposal', { meetingId: second })).fits.some((c) => c.referralId === ids.pressing)).toBe(false);

    // Read-only after finalising; an amendment needs a reason and keeps the earlier version.
    expect(
      (await errorOf(api.call('recommendations.record', { meetingId: first, referralId: ids.pressing, intent: 'palliative', treatments: ['Kirurgi'] })))
        .messageKey,
    ).toBe('recommendation.finalisedUseAmend');
    await api.call('recommendations.amend', {
      meetingId: first,
      referralId: ids.pressing,
      intent: 'palliative',
      treatments: ['Kirurgi'],
      amendmentReason: 'Ny PET-DT visade fjärrmetastas',
    });
    view = await api.call('caseLists.get', { meetingId: first });
    const recs = view.items.find((i) => i.referralId === ids.pressing)!.recommendations;
    expect(recs.map((r) => [r.version, r.intent, r.supersededAt === null])).toEqual([
      [2, 'palliative', true],
      [1, 'curative', false],
    ]);

    const letter = await api.call('caseLists.replyPdf', { meetingId: first, referralId: ids.pressing });
    const { text } = await pdfText(Buffer.from(letter.base64, 'base64'));
    expect(text).toContain('MDK-svar');
    expect(text).toContain('Cederlund, Åsa');
    expect(text).toContain('Behandlingsavsikt: Palliativ');
    expect(text).toContain('Ny PET-DT visade fjärrmetastas');

    // Only into an existing folder the user names, outside the data folder; the files are 0600.
    await expect(api.call('caseLists.exportReplies', { meetingId: first, dir: null })).rejects.toMatchObject({
      issues: [{ path: 'dir', messageKey: 'validation.required' }],
    });
    await expect(api.call('caseLists.exportReplies', { meetingId: first, dir: core.dataDir })).rejects.toMatchObject({
      issues: [{ path: 'dir', messageKey: 'export.insideDataFolder' }],
    });
    await expect(api.call('caseLists.exportReplies', { meetingId: first, dir: join(tempDir(), 'finns-inte') })).rejects.toMatchObject({
      issues: [{ path: 'dir', messageKey: 'reply.dirNotWritable' }],
    });
    const dir = tempDir();
    const out = await api.call('caseLists.exportReplies', { meetingId: first, dir });
    expect(out.files).toHaveLength(1);
    expect(existsSync(join(dir, out.files[0]))).toBe(true);
    expect(statSync(join(dir, out.files[0])).mode & 0o777).toBe(0o600);
    expect((await pdfText(readFileSync(join(dir, out.files[0])))).text).toContain('Frågeställning');
  });

  it('only a physician finalises; the agenda PDFs say what they should', async () => {
    const { core, api } = await testCore({ localRole: 'contact_nurse' });
    const { first, ids } = arrange(core);
    await api.call('caseLists.add', { meetingId: first, referralIds: [ids.urgent, ids.normalOld] });
    await api.call('caseLists.lock', { meetingId: first });
    expect((await errorOf(api.call('caseLists.finalise', { meetingId: first }))).code).toBe('forbidden');

    const full = await pdfText(Buffer.from((await api.call('caseLists.agendaPdf', { meetingId: first })).base64, 'base64'));
    expect(full.text).toContain('Falllista – nationell MDK');
    expect(full.text).toContain('Fall 1');
    expect(full.text).toContain('kl. 08:00');
    expect(full.text).toContain('Björk, Åsa');
    expect(full.text).toContain('Andersson, Åsa, 19520304-9876');
    expect(full.text).toContain('Frågeställning: Ställningstagande till kurativt syftande radiokemoterapi?');
    const minimal = await pdfText(Buffer.from((await api.call('caseLists.agendaPdf', { meetingId: first, minimal: true })).base64, 'base64'));
    expect(minimal.text).toContain('Å. B., född 1952');
    expect(minimal.text).not.toContain('Björk');
    expect(minimal.text).not.toContain('19520304');
  });

  it('notes every patient it shows, exports or changes for the access log', async () => {
    const noted: { patientId: number; objectType: string; action?: string }[] = [];
    const { core, api } = await testCore({ hooks: { recordPatientAccess: (_ctx, accesses) => noted.push(...accesses) } });
    const { first, ids } = arrange(core);
    const patientOf = (id: number) => core.db.prepare('SELECT patient_id FROM referral WHERE id = ?').pluck().get(id) as number;
    await api.call('caseLists.add', { meetingId: first, referralIds: [ids.urgent] });
    expect(noted).toContainEqual({ patientId: patientOf(ids.urgent), objectType: 'case_list', objectId: first });
    noted.length = 0;
    await api.call('caseLists.agendaPdf', { meetingId: first, purpose: 'print' });
    expect(noted).toEqual([{ patientId: patientOf(ids.urgent), objectType: 'agenda', objectId: first, action: 'print' }]);
  });

  it('ranks 1,000 eligible referrals, sends and logs only the shown ones, and prints a 30-case agenda', async () => {
    // Speed is measured by the benchmark (npm run bench), not here.
    const { core, api } = await testCore();
    const { first } = arrange(core);
    const insert = core.db.transaction(() => {
      for (let n = 0; n < 1000; n++) {
        const day = String(1 + (n % 28)).padStart(2, '0');
        insertReferral(core.db, {
          patientId: insertPatient(core.db, { familyName: `P${n}`, personnummer: String(195001010000 + n) }),
          receivedDate: `2026-10-${day}`,
          priority: n % 7 === 0 ? 'urgent' : 'normal',
        });
      }
    });
    insert();
    const logged = () => core.db.prepare("SELECT count(*) FROM access_log WHERE method = 'caseLists.proposal'").pluck().get() as number;
    const p = await api.call('caseLists.proposal', { meetingId: first });
    expect(p.fits.length + p.overflowTotal + p.lateTotal).toBeGreaterThan(1000);
    expect(p.overflow).toHaveLength(PROPOSAL_SHOWN_ROWS);
    // The shown overflow is the head of the agenda order: urgent ones (every 7th) come first.
    expect(p.overflow.slice(0, 5).every((c) => c.priority === 'urgent')).toBe(true);
    expect(logged()).toBe(new Set([...p.fits, ...p.overflow, ...p.late].map((c) => c.patientId)).size);
    expect(logged()).toBeLessThanOrEqual(p.fits.length + 2 * PROPOSAL_SHOWN_ROWS);

    core.db.prepare('UPDATE meeting SET capacity_cases = 30, duration_minutes = 300 WHERE id = ?').run(first);
    await api.call('caseLists.add', { meetingId: first, referralIds: p.overflow.slice(0, 30).map((c) => c.referralId) });
    const pdf = await api.call('caseLists.agendaPdf', { meetingId: first });
    expect((await pdfText(Buffer.from(pdf.base64, 'base64'))).text).toContain('Fall 30');
  });
});
