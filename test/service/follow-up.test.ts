import { describe, expect, it } from 'vitest';
import { testCore, useCliSignIn } from './helpers';
import { insertMeeting, insertPatient, insertReferral } from '../factories';
import { arrangeKnownDataset, insertCase, insertParticipant, setMeetingStatus } from '../follow-up-fixtures';
import { pdfText } from '../pdf-text';
import { ApiError } from '../../src/shared/api/errors';
import { methodSection } from '../../src/shared/domain/method-section';
import { translate } from '../../src/shared/i18n';

const Q1 = { careAreaCode: 'ANAL', from: '2025-01-01', to: '2025-03-31' };

async function arranged(options: Parameters<typeof testCore>[0] = {}) {
  const t = await testCore(options);
  arrangeKnownDataset(t.core.db, { insertPatient, insertReferral, insertMeeting });
  return t;
}

describe('follow-up dashboard on the known dataset (hand calculations in comments)', () => {
  it('counts referrals received per month, healthcare region and region, also per 100,000', async () => {
    const { api } = await arranged();
    const d = await api.call('followUp.dashboard', Q1);
    // Received 2025-01-01..03-31 in ANAL: R1, R2 (Jan), R3, R4 (Feb), R5, R8 (Mar; 03-31 is inclusive) = 6.
    // R6 (received 2024-12-15) and R7 (SARCOMA) are not counted.
    expect(d.volumes.total).toBe(6);
    expect(d.volumes.perMonth).toEqual([
      { month: '2025-01', count: 2 },
      { month: '2025-02', count: 2 },
      { month: '2025-03', count: 2 },
    ]);
    const hr = Object.fromEntries(d.volumes.perHealthcareRegion.map((h) => [h.code, h]));
    // The UNIT decides: Halmstad → Södra, Varberg → Västra, although both are Region Halland.
    // Södra: R1 (Halmstad) + R3 (Helsingborg) = 2; population Skåne 1 421 781 + Blekinge 156 253
    //   + Kronoberg 203 686 + southern Halland 142 660 (Halmstad, Hylte, Laholm) = 1 924 380
    //   → 2 · 100 000 / 1 924 380 = 0.10393 per 100 000.
    expect(hr.SODRA).toMatchObject({ count: 2, population: 1_924_380 });
    expect(hr.SODRA.per100k).toBeCloseTo(0.10393, 5);
    // Västra: R2 (Varberg) + R4 + R8 (SU) = 3; population VG 1 760 955 + northern Halland 201 086
    //   = 1 962 041 → 3 · 100 000 / 1 962 041 = 0.15290.
    expect(hr.VASTRA).toMatchObject({ count: 3, population: 1_962_041 });
    expect(hr.VASTRA.per100k).toBeCloseTo(0.1529, 4);
    // Stockholm-Gotland: R5 = 1 of 2 454 821 + 61 001 = 2 515 822 → 0.03975.
    expect(hr.STHLM_GOTLAND).toMatchObject({ count: 1, population: 2_515_822 });
    expect(hr.STHLM_GOTLAND.per100k).toBeCloseTo(0.03975, 5);
    expect(hr.NORRA).toMatchObject({ count: 0, per100k: 0 });
    const region = Object.fromEntries(d.volumes.perRegion.map((r) => [r.code, r.count]));
    // Halland (13): R1 + R2 = 2; Skåne (12): R3 = 1; VG (14): R4 + R8 = 2; Stockholm (01): R5 = 1.
    expect(region).toMatchObject({ '13': 2, '12': 1, '14': 2, '01': 1, '25': 0 });
    expect(d.volumes.perRegion.find((r) => r.code === '13')!.per100k).toBeCloseTo((2 * 100_000) / 343_746, 8);
    expect(d.population.year).toBe(2023);
  });

  it('computes completeness at first submission and how long completion requests took', async () => {
    const { api } = await arranged();
    const c = (await api.call('followUp.dashboard', Q1)).completeness;
    // Assessed (received in Q1 and no longer "received"): R1, R2, R3, R4 = 4 (R5, R8 still "received").
    // Never sent to awaiting_completion: R1, R4 = 2 → 2/4 = 50 %.
    expect(c).toMatchObject({ assessed: 4, completeAtFirstSubmission: 2, shareCompleteAtFirstSubmission: 0.5 });
    // Requests: R2 once (01-21 → 01-28 = 7 days), R3 twice (02-04 → 02-14 = 10 days; 02-17 still open).
    // 3 requests from 2 referrals, 2 answered: median (7 + 10) / 2 = 8.5; P90 rank ⌈0.9·2⌉ = 2 → 10.
    expect(c).toMatchObject({ referralsWithRequest: 2, requests: 3, requestsAnswered: 2 });
    expect(c.answerDays).toEqual({ count: 2, median: 8.5, p90: 10, withinTarget: null });
  });

  it('computes lead times to MDK and to treatment with median, P90 and share within target', async () => {
    const { api } = await arranged();
    const l = (await api.call('followUp.dashboard', Q1)).leadTimes;
    expect(l.targetDays).toBe(30);
    // MDK date in Q1: R1, R2, R6 at M1 (02-05); R4 at M3 (03-19; the postponement at M2 does not count).
    // Received → MDK: R1 01-10→02-05 = 26; R2 01-20→02-05 = 16; R6 2024-12-15→02-05 = 16+31+5 = 52;
    //   R4 02-10→03-19 = 18+19 = 37. Sorted 16, 26, 37, 52: median (26+37)/2 = 31.5;
    //   P90 rank ⌈3.6⌉ = 4 → 52; ≤ 30 days: 16, 26 → 2/4 = 50 %.
    expect(l.receivedToMdk).toEqual({ count: 4, median: 31.5, p90: 52, withinTarget: 0.5 });
    // Suspicion → MDK (R2 has none): R1 01-02→02-05 = 34; R6 2024-12-01→02-05 = 31+31+4 = 66;
    //   R4 02-01→03-19 = 27+19 = 46. Sorted 34, 46, 66: median 46; P90 rank ⌈2.7⌉ = 3 → 66; ≤ 30: none.
    expect(l.suspicionToMdk).toEqual({ count: 3, median: 46, p90: 66, withinTarget: 0 });
    // MDK → treatment (R2 none): R1 02-05→02-20 = 15; R6 02-05→02-10 = 5; R4 03-19→04-02 = 12+2 = 14.
    //   Sorted 5, 14, 15: median 14; P90 → 15. No target applies.
    expect(l.mdkToTreatment).toEqual({ count: 3, median: 14, p90: 15, withinTarget: null });
  });

  it("judges quorum by the series' required roles where the series has them", async () => {
    const { api, core } = await testCore();
    const db = core.db;
    const seriesId = Number(
      db.prepare("INSERT INTO conference_series (care_area_code, name, created_at, updated_at) VALUES ('ILP', 'ILP-rond', 'x', 'x')").run().lastInsertRowid,
    );
    db.prepare(`UPDATE conference_series SET required_roles = '["surgeon","pathologist"]' WHERE id = ?`).run(seriesId);
    const patientId = insertPatient(db);
    const onlySurgeon = insertMeeting(db, { careAreaCode: 'ILP', localDate: '2025-02-04', startsAt: '2025-02-04T13:00:00Z', seriesId });
    const both = insertMeeting(db, { careAreaCode: 'ILP', localDate: '2025-02-11', startsAt: '2025-02-11T13:00:00Z', seriesId });
    for (const m of [onlySurgeon, both]) {
      setMeetingStatus(db, m, 'finalised');
      insertCase(db, m, insertReferral(db, { patientId, careAreaCode: 'ILP', status: 'discussed' }), 'discussed');
    }
    // Every INVITED role attended at the first meeting, but the required pathologist was not invited: no quorum.
    insertParticipant(db, onlySurgeon, 'surgeon', 'present');
    insertParticipant(db, both, 'surgeon', 'present');
    insertParticipant(db, both, 'pathologist', 'remote');
    insertParticipant(db, both, 'oncologist', 'absent'); // not required: does not break quorum
    const m = (await api.call('followUp.dashboard', { careAreaCode: 'ILP', from: '2025-01-01', to: '2025-03-31' })).meetings;
    expect(m).toMatchObject({ held: 2, withAttendance: 2, quorumReached: 1, quorumShare: 0.5 });
  });

  it('counts every meeting when many share the same participant list (judged once per list)', async () => {
    const { api, core } = await testCore();
    const db = core.db;
    const patientId = insertPatient(db);
    const dates = ['2025-01-07', '2025-01-14', '2025-01-21', '2025-01-28'];
    const ids = dates.map((d) => insertMeeting(db, { careAreaCode: 'ILP', localDate: d, startsAt: `${d}T13:00:00Z` }));
    for (const [i, m] of ids.entries()) {
      setMeetingStatus(db, m, 'finalised');
      insertCase(db, m, insertReferral(db, { patientId, careAreaCode: 'ILP', status: 'discussed' }), 'discussed');
      // The same list at the first three meetings; at the fourth the surgeon is absent.
      insertParticipant(db, m, 'chair', 'present', `Ordförande ${i}`);
      insertParticipant(db, m, 'surgeon', i === 3 ? 'absent' : 'remote', `Kirurg ${i}`);
    }
    const m = (await api.call('followUp.dashboard', { careAreaCode: 'ILP', from: '2025-01-01', to: '2025-01-31' })).meetings;
    // No series: the invited roles (chair, surgeon) must attend. Reached at 3 of 4.
    expect(m).toMatchObject({ held: 4, casesDiscussed: 4, withAttendance: 4, quorumReached: 3, quorumShare: 0.75 });
    expect(m.attendance).toEqual([
      { role: 'chair', present: 4, remote: 0, absent: 0, notRecorded: 0 },
      { role: 'surgeon', present: 0, remote: 3, absent: 1, notRecorded: 0 },
    ]);
  });

  it('counts meetings, cases, postponements, attendance per role and quorum', async () => {
    const { api } = await arranged();
    const m = (await api.call('followUp.dashboard', Q1)).meetings;
    // Held: M1 (finalised), M2 (finalised, nothing discussed), M3 (planned, one case discussed) = 3;
    // M4 cancelled = 1; M5 is after the period. Discussed: R1, R2, R6 at M1 + R4 at M3 = 4 → 4/3 per meeting.
    // Postponed: R4 at M2 = 1.
    expect(m).toMatchObject({ held: 3, cancelled: 1, casesDiscussed: 4, postponed: 1 });
    expect(m.casesPerMeeting).toBeCloseTo(4 / 3, 10);
    // Quorum among meetings with attendance recorded (M1, M2; M3 has none recorded):
    // M1: chair, surgeon present, oncologist remote, one of two radiologists present → reached.
    // M2: the only surgeon absent → not reached. 1 of 2 = 50 %.
    expect(m).toMatchObject({ withAttendance: 2, quorumReached: 1, quorumShare: 0.5 });
    // Attendance per role over M1, M2, M3:
    // chair: present M1, M2, not recorded M3; surgeon: present M1, absent M2, not recorded M3;
    // oncologist: remote M1, present M2; radiologist: absent + present at M1.
    expect(m.attendance).toEqual([
      { role: 'chair', present: 2, remote: 0, absent: 0, notRecorded: 1 },
      { role: 'oncologist', present: 1, remote: 1, absent: 0, notRecorded: 0 },
      { role: 'radiologist', present: 1, remote: 0, absent: 1, notRecorded: 0 },
      { role: 'surgeon', present: 1, remote: 0, absent: 1, notRecorded: 1 },
    ]);
  });

  it('computes the share of discharged patients with a finalised care plan and handover confirmation', async () => {
    const { api } = await arranged();
    const cp = (await api.call('followUp.dashboard', Q1)).carePlans;
    // Discharged in Q1 in ANAL: R1 (03-10), R2 (03-20), R6 (03-01) = 3; R4 (04-15) is later, R7 is SARCOMA.
    // Finalised plan: R1 (finalised), R6 (v1 superseded = was finalised); R2 only a draft → 2/3.
    expect(cp).toMatchObject({ discharged: 3, withFinalisedPlan: 2, target: 0.95 });
    expect(cp.share).toBeCloseTo(2 / 3, 10);
    // Handovers sent in Q1: R1 03-10 (confirmed 03-14 = 4 days), R6 03-01 (pending), R6 03-25
    // (confirmed 04-05 = 6+5 = 11 days) → 3 sent, 2 confirmed; median (4+11)/2 = 7.5; P90 → 11.
    expect(cp).toMatchObject({ handoversSent: 3, handoversConfirmed: 2 });
    expect(cp.confirmationDays).toEqual({ count: 2, median: 7.5, p90: 11, withinTarget: null });
  });

  it('keeps MDK dates current when another feature moves a meeting, changes an outcome or adds a recommendation', async () => {
    const { core, api } = await arranged();
    const db = core.db;
    const m1 = db.prepare("SELECT id FROM meeting WHERE local_date = '2025-02-05'").pluck().get() as number;
    // M1 moves to 2025-04-10: R1, R2 and R6 now reach MDK after Q1; only R4 (M3, 03-19; 37 days) is left.
    db.prepare("UPDATE meeting SET local_date = '2025-04-10' WHERE id = ?").run(m1);
    expect((await api.call('followUp.dashboard', Q1)).leadTimes.receivedToMdk).toEqual({ count: 1, median: 37, p90: 37, withinTarget: 0 });
    // A recommendation for R1 at M2 (03-05) makes 03-05 its MDK date: 01-10 → 03-05 = 21 + 28 + 5 = 54 days.
    const m2 = db.prepare("SELECT id FROM meeting WHERE local_date = '2025-03-05'").pluck().get() as number;
    const r1 = db.prepare("SELECT id FROM referral WHERE received_date = '2025-01-10'").pluck().get() as number;
    db.prepare(
      "INSERT INTO recommendation (referral_id, meeting_id, intent, recorded_at, recorded_by) VALUES (?, ?, 'curative', '2025-03-05T14:00:00Z', 'X')",
    ).run(r1, m2);
    expect((await api.call('followUp.dashboard', Q1)).leadTimes.receivedToMdk).toMatchObject({ count: 2, p90: 54 });
    // R4's discussion at M3 undone (back to pending): R4 has its recommendation at M3 still, so it stays.
    db.prepare("UPDATE case_list_item SET outcome = 'pending' WHERE referral_id = (SELECT id FROM referral WHERE received_date = '2025-02-10')").run();
    expect((await api.call('followUp.dashboard', Q1)).leadTimes.receivedToMdk.count).toBe(2);
    // Deleting R1's recommendation leaves R1 without a discussion in Q1 again.
    db.prepare('DELETE FROM recommendation WHERE referral_id = ?').run(r1);
    expect((await api.call('followUp.dashboard', Q1)).leadTimes.receivedToMdk).toEqual({ count: 1, median: 37, p90: 37, withinTarget: 0 });
  });

  it('narrows with the period: only January', async () => {
    const { api } = await arranged();
    const d = await api.call('followUp.dashboard', { careAreaCode: 'ANAL', from: '2025-01-01', to: '2025-01-31' });
    // Received in January: R1, R2. No MDK in January, no meetings, no discharges.
    expect(d.volumes.total).toBe(2);
    expect(d.leadTimes.receivedToMdk).toEqual({ count: 0, median: null, p90: null, withinTarget: null });
    expect(d.meetings).toMatchObject({ held: 0, casesPerMeeting: null, quorumShare: null });
    expect(d.carePlans).toMatchObject({ discharged: 0, share: null });
  });
});

describe('follow-up input and exports', () => {
  it('refuses an end date before the start date and an unknown care area, with the field named', async () => {
    const { api } = await testCore();
    const bad = await api.call('followUp.dashboard', { careAreaCode: 'ANAL', from: '2025-03-01', to: '2025-02-01' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect((bad as ApiError).issues).toEqual([{ path: 'to', messageKey: 'followUp.periodOrder', params: {} }]);
    const unknown = await api.call('followUp.dashboard', { careAreaCode: 'NOPE', from: '2025-01-01', to: '2025-02-01' }).catch((e: unknown) => e);
    expect((unknown as ApiError).issues).toEqual([{ path: 'careAreaCode', messageKey: 'followUp.unknownCareArea', params: { code: 'NOPE' } }]);
    const badDate = await api.call('followUp.dashboard', { careAreaCode: 'ANAL', from: '2025-02-30', to: '2025-03-01' }).catch((e: unknown) => e);
    expect((badDate as ApiError).issues?.[0]).toMatchObject({ path: 'from', messageKey: 'validation.dateNotExist' });
  });

  it('lets a physician read the dashboard', async () => {
    const { api } = await arranged({ localRole: 'physician' });
    expect((await api.call('followUp.dashboard', Q1)).volumes.total).toBe(6);
  });

  it('exports a PDF whose text carries the tables, methods and population source', async () => {
    const { api } = await arranged();
    const file = await api.call('followUp.exportPdf', Q1);
    expect(file.mimeType).toBe('application/pdf');
    expect(file.fileName).toBe('uppfoljning-anal-2025-01-01-2025-03-31.pdf');
    const { text, fonts } = await pdfText(Buffer.from(file.base64, 'base64'));
    expect(text).toContain('Uppföljning av det nationella uppdraget');
    expect(text).toContain('Ledtider');
    expect(text).toMatch(/Mottagen → MDK\s*4\s*31,5\s*52\s*50,0\s%/);
    expect(text).toMatch(/Södra sjukvårdsregionen\s*2\s*1\s924\s380\s*0,10/);
    expect(text).toMatch(/Andel med fastställd vårdplan \(%\)\s*66,7/);
    expect(text).toContain('närmaste rang');
    expect(text).toContain('SCB');
    expect(fonts.some((f) => /DejaVu/i.test(f)) || fonts.length > 0).toBe(true);
  });

  it('ends the PDF with a method section of its own: every figure named, with its definition', async () => {
    const { api } = await arranged();
    const { pages } = await pdfText(Buffer.from((await api.call('followUp.exportPdf', Q1)).base64, 'base64'));
    const section = methodSection((key, params) => translate('sv', key, params));
    const start = pages.findIndex((p) => p.includes(section.title));
    // On a page of its own after the tables, running to the end of the document.
    expect(start).toBeGreaterThan(0);
    expect(pages.slice(0, start).join(' ')).not.toContain(section.title);
    // Text reflowed as one line; a line broken after a hyphen ("MDK-datum") joined again.
    const oneLine = (text: string) => text.replace(/\s+/g, ' ').replace(/- /g, '-');
    const flat = oneLine(pages.slice(start).join(' '));
    expect(section.entries.length).toBeGreaterThanOrEqual(20);
    for (const e of section.entries) {
      expect(flat).toContain(oneLine(e.figure));
      expect(flat).toContain(oneLine(e.definition));
    }
    expect(flat).toContain('Andel fall med komplett checklista');
    expect(flat).toContain('Genomförandegrad');
    expect(flat).toContain('(påbörjade + genomförda) / (påbörjade + genomförda + avvikelser)');
  });
});

describe('mdk stats', () => {
  useCliSignIn();
  it('prints the tables, and the same figures as JSON with --json; refuses a reversed period', async () => {
    const { runCli } = await import('../../src/main/cli/index');
    const { dataDir } = await arranged();
    const lines: string[] = [];
    const errors: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => errors.push(l) };
    const args = ['stats', '--data', dataDir, '--care-area', 'ANAL', '--from', '2025-01-01', '--to', '2025-03-31'];
    expect(await runCli(args, io)).toBe(0);
    const text = lines.join('\n');
    expect(text).toContain('Mottagna anmälningar per månad');
    expect(text).toMatch(/Mottagen → MDK\s+4\s+31,5\s+52\s+50,0\s%/);
    lines.length = 0;
    expect(await runCli([...args, '--json'], io)).toBe(0);
    const json = JSON.parse(lines.join('\n'));
    expect(json.volumes.total).toBe(6);
    expect(json.leadTimes.receivedToMdk.median).toBe(31.5);
    expect(await runCli(['stats', '--data', dataDir, '--care-area', 'ANAL', '--from', '2025-03-01', '--to', '2025-01-01'], io)).toBe(2);
    expect(errors.join('\n')).toContain('Slutdatum måste vara samma dag som eller efter startdatum.');
  });
});
