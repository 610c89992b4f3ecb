/**
 * RCC's nMDK checklist through the router on a real SQLite file, with a pinned clock: what each case
 * lacks before, during and after the meeting, the ticks users keep (with who and when), the rules per
 * care area, the agenda's mark, and the completion figure of a known dataset calculated by hand.
 */
import { describe, expect, it } from 'vitest';
import { errorOf, recommendation, signInAs, testCore, useCliSignIn } from './helpers';
import { createApiClient } from '../../src/shared/api/client';
import { pdfText } from '../pdf-text';
import { insertMeeting, insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';
import { openBefore } from '../../src/shared/domain/checklist';
import type { CaseListItem } from '../../src/shared/api/methods/case-lists';

async function setup() {
  const clock = { now: new Date('2026-11-04T08:00:00.000Z') };
  const { core, api, dataDir } = await testCore({ localRole: 'physician', now: () => clock.now });
  const db = core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL'] });
  db.prepare("UPDATE care_area SET treatment_options = ? WHERE code = 'ANAL'").run(JSON.stringify(['Radiokemoterapi']));
  const t = '2026-11-01T00:00:00.000Z';
  // M1's series requires a surgeon and an oncologist; both attend (one remote), so the meeting is quorate.
  const series = Number(
    db
      .prepare(
        "INSERT INTO conference_series (care_area_code, name, created_at, updated_at, required_roles) VALUES ('ANAL', 'Anal', ?, ?, '[\"surgeon\",\"oncologist\"]')",
      )
      .run(t, t).lastInsertRowid,
  );
  const meeting = (localDate: string, seriesId: number | null = null) => insertMeeting(db, { localDate, startsAt: `${localDate}T07:00:00.000Z`, seriesId });
  const attend = (meetingId: number, role: string, attendance: string) => {
    const person = Number(db.prepare('INSERT INTO person (name, role, created_at) VALUES (?, ?, ?)').run(`Dr ${role}`, role, t).lastInsertRowid);
    db.prepare('INSERT INTO meeting_participant (meeting_id, person_id, role, attendance) VALUES (?, ?, ?, ?)').run(meetingId, person, role, attendance);
  };
  const referral = (name: string) => insertReferral(db, { receivedDate: '2026-10-20', patientId: insertPatient(db, { familyName: name }) });
  const at = (iso: string) => (clock.now = new Date(iso));
  const session = core.newSession();
  await signInAs(core, session, 'coordinator');
  const coordinator = createApiClient((m, i) => core.router(m, i, session));
  return { core, db, api, coordinator, dataDir, meeting, series, attend, referral, at };
}

const rec = recommendation;

const states = (item: CaseListItem) => Object.fromEntries(item.checklist.map((e) => [e.item, e.state]));

/**
 * The known dataset (care area ANAL, shipped rules: every item; before items due 2 working days
 * before the meeting, reply within 2 and the patient told within 5 working days after it):
 * M1 Fri 2026-11-06 (series: surgeon present, oncologist remote), finalised the same day:
 *   a1 complete, informed (referral), images ticked; wishes yes, trial yes; told Tue 11-10.
 *   a2 history missing, patient not informed (referral says no), no images; wishes not known, no trial.
 *   a3 complete (the referral says "not informed"), informed by a tick, images ticked; wishes partly, trial (not eligible); told Fri 11-20.
 *   a4 postponed (carried on to M2, postponed again).
 * M2 Fri 2026-11-13 (no series, no required roles), finalised Thu 11-19:
 *   b1 complete, informed (referral), images ticked; wishes yes, trial yes; told Thu 11-19.
 */
async function knownDataset() {
  const s = await setup();
  const { db, api, meeting, series, attend, referral, at } = s;
  const m1 = meeting('2026-11-06', series);
  const m2 = meeting('2026-11-13');
  attend(m1, 'surgeon', 'present');
  attend(m1, 'oncologist', 'remote');
  const [a1, a2, a3, a4, b1] = ['Alm', 'Berg', 'Ceder', 'Dahl', 'Ek'].map(referral);
  db.prepare('UPDATE referral SET history = NULL, patient_informed = 0 WHERE id = ?').run(a2);
  // "No" is an answer: a3's referral is complete, though the patient is not yet informed.
  db.prepare('UPDATE referral SET patient_informed = 0 WHERE id = ?').run(a3);
  // Before the meeting (Wed 11-04): the list is built and the coordinator ticks what is ready.
  await api.call('caseLists.add', { meetingId: m1, referralIds: [a1, a2, a3, a4] });
  for (const r of [a1, a3]) await api.call('checklist.tick', { meetingId: m1, referralId: r, item: 'images_available', done: true });
  await api.call('checklist.tick', { meetingId: m1, referralId: a3, item: 'patient_informed', done: true });
  await api.call('caseLists.lock', { meetingId: m1 });
  at('2026-11-06T07:30:00.000Z');
  await api.call(
    'recommendations.record',
    rec(m1, a1, { wishesConsidered: 'yes', wishesHow: 'Nära hemmet', trialConsidered: true, trialName: 'ANAL-RT2', trialEuCtNumber: '2023-503456-12-00' }),
  );
  await api.call('recommendations.record', rec(m1, a2, { wishesConsidered: 'not_known', trialConsidered: false }));
  await api.call(
    'recommendations.record',
    rec(m1, a3, { wishesConsidered: 'partly', wishesHow: 'Kortare behandling', trialConsidered: true, trialNotEligibleReason: 'ECOG 3' }),
  );
  await api.call('recommendations.postpone', { meetingId: m1, referralId: a4 });
  at('2026-11-06T09:00:00.000Z');
  await api.call('caseLists.finalise', { meetingId: m1 });
  at('2026-11-10T12:00:00.000Z');
  await api.call('checklist.tick', {
    meetingId: m1,
    referralId: a1,
    item: 'patient_told',
    done: true,
    doneBy: 'Eva Kontaktsjuksköterska',
    doneOn: '2026-11-10',
  });

  at('2026-11-11T08:00:00.000Z');
  await api.call('caseLists.add', { meetingId: m2, referralIds: [b1] });
  await api.call('checklist.tick', { meetingId: m2, referralId: b1, item: 'images_available', done: true });
  await api.call('caseLists.lock', { meetingId: m2 });
  at('2026-11-13T07:30:00.000Z');
  await api.call(
    'recommendations.record',
    rec(m2, b1, { wishesConsidered: 'yes', wishesHow: 'Som önskat', trialConsidered: true, trialName: 'ANAL-RT2', trialEuCtNumber: '2023-503456-12-00' }),
  );
  at('2026-11-19T15:00:00.000Z');
  await api.call('caseLists.finalise', { meetingId: m2 });
  await api.call('checklist.tick', { meetingId: m2, referralId: b1, item: 'patient_told', done: true, doneBy: 'Dr Ek', doneOn: '2026-11-19' });
  at('2026-11-20T12:00:00.000Z');
  await api.call('checklist.tick', { meetingId: m1, referralId: a3, item: 'patient_told', done: true, doneBy: 'Dr Ceder', doneOn: '2026-11-20' });
  return { ...s, m1, m2, a1, a2, a3, a4, b1 };
}

describe('the nMDK checklist of a case', () => {
  it('shows what each case lacks before the meeting, marks it on the agenda and its PDF, and a tick removes the mark', async () => {
    const { api, db, meeting, referral, at } = await setup();
    const m = meeting('2026-11-06');
    const [ok, lacking] = [referral('Alm'), referral('Berg')];
    db.prepare('UPDATE referral SET history = NULL, patient_informed = 0 WHERE id = ?').run(lacking);
    await api.call('caseLists.add', { meetingId: m, referralIds: [ok, lacking] });
    await api.call('checklist.tick', { meetingId: m, referralId: ok, item: 'images_available', done: true });

    // Wed 11-04 is the due date (2 working days before Fri 11-06): open, not yet overdue.
    let view = await api.call('caseLists.get', { meetingId: m });
    const [first, second] = view.items;
    expect(openBefore(first.checklist)).toEqual([]);
    expect(states(first)).toEqual({
      referral_complete: 'done',
      images_available: 'done',
      patient_informed: 'done',
      specialties_present: 'not_yet',
      patient_perspective: 'not_yet',
      trial_considered: 'not_yet',
      reply_sent: 'not_yet',
      patient_told: 'not_yet',
    });
    expect(first.checklist.find((e) => e.item === 'patient_informed')).toMatchObject({ byReferral: true, tick: null });
    expect(first.checklist.find((e) => e.item === 'images_available')?.tick).toMatchObject({
      recordedBy: 'Per Läkare',
      recordedAt: '2026-11-04T08:00:00.000Z',
    });
    expect(openBefore(second.checklist).map((e) => [e.item, e.state, e.due])).toEqual([
      ['referral_complete', 'open', '2026-11-04'],
      ['images_available', 'open', '2026-11-04'],
      ['patient_informed', 'open', '2026-11-04'],
    ]);
    expect(second.checklist[0].detail).toEqual(['history']);
    expect(view.checklist).toMatchObject({
      casesBeforeOpen: 1,
      missing: [
        { item: 'referral_complete', count: 1 },
        { item: 'images_available', count: 1 },
        { item: 'patient_informed', count: 1 },
      ],
    });

    // The agenda PDF names what is missing for the marked case only.
    const { text } = await pdfText(Buffer.from((await api.call('caseLists.agendaPdf', { meetingId: m })).base64, 'base64'));
    const flat = text.replace(/\s+/g, ' ');
    expect(flat.match(/Checklista före mötet, saknas/g)).toHaveLength(1);
    expect(flat).toContain(
      'Checklista före mötet, saknas: Anmälan komplett (Anamnes), Bilder och patologi tillgängliga för deltagarna, Patienten informerad om anmälan',
    );

    // A day later they are overdue; ticking the images and the patient informed leaves only the referral.
    at('2026-11-05T08:00:00.000Z');
    expect(states((await api.call('caseLists.get', { meetingId: m })).items[1]).images_available).toBe('overdue');
    await api.call('checklist.tick', { meetingId: m, referralId: lacking, item: 'images_available', done: true });
    const ticked = await api.call('checklist.tick', { meetingId: m, referralId: lacking, item: 'patient_informed', done: true });
    expect(openBefore(ticked.entries).map((e) => e.item)).toEqual(['referral_complete']);
    // Clearing a tick brings the item back.
    await api.call('checklist.tick', { meetingId: m, referralId: lacking, item: 'images_available', done: false });
    view = await api.call('caseLists.get', { meetingId: m });
    expect(openBefore(view.items[1].checklist).map((e) => e.item)).toEqual(['referral_complete', 'images_available']);
  });

  it('refuses a patient told before the case is discussed, without who or when, in the future, before the meeting, or who/when on another item', async () => {
    const { api, meeting, referral, at } = await setup();
    const m = meeting('2026-11-06');
    const r = referral('Alm');
    await api.call('caseLists.add', { meetingId: m, referralIds: [r] });
    expect(
      (await errorOf(api.call('checklist.tick', { meetingId: m, referralId: r, item: 'patient_told', done: true, doneBy: 'Eva', doneOn: '2026-11-04' })))
        .messageKey,
    ).toBe('checklist.notDiscussed');
    expect(
      (await errorOf(api.call('checklist.tick', { meetingId: m, referralId: r, item: 'images_available', done: true, doneBy: 'Eva' }))).issues?.map((i) => [
        i.path,
        i.messageKey,
      ]),
    ).toEqual([['doneBy', 'checklist.onlyPatientTold']]);
    expect((await errorOf(api.call('checklist.tick', { meetingId: m, referralId: 999, item: 'images_available', done: true }))).issues?.[0].messageKey).toBe(
      'caseList.notOnList',
    );
    await api.call('caseLists.lock', { meetingId: m });
    at('2026-11-06T07:30:00.000Z');
    await api.call('recommendations.record', rec(m, r));
    const told = (over: object) => api.call('checklist.tick', { meetingId: m, referralId: r, item: 'patient_told', done: true, ...over });
    expect((await errorOf(told({}))).issues?.map((i) => [i.path, i.messageKey])).toEqual([
      ['doneBy', 'checklist.whoRequired'],
      ['doneOn', 'checklist.whenRequired'],
    ]);
    expect((await errorOf(told({ doneBy: 'Eva', doneOn: '2026-11-07' }))).issues?.[0].messageKey).toBe('checklist.futureDate');
    expect((await errorOf(told({ doneBy: 'Eva', doneOn: '2026-11-05' }))).issues?.[0].messageKey).toBe('checklist.beforeMeeting');
    const ok = await told({ doneBy: 'Eva', doneOn: '2026-11-06' });
    expect(ok.entries.find((e) => e.item === 'patient_told')).toMatchObject({
      state: 'done',
      due: '2026-11-13',
      tick: { doneBy: 'Eva', doneOn: '2026-11-06' },
    });
  });

  it('judges during and after items from the meeting, and logs every tick as a change to the patient', async () => {
    const { core, api, m1, m2, a1, a2, a3, a4, b1 } = await knownDataset();
    const one = await api.call('caseLists.get', { meetingId: m1 });
    const byId = new Map(one.items.map((i) => [i.referralId, i]));
    expect(states(byId.get(a1)!)).toEqual({
      referral_complete: 'done',
      images_available: 'done',
      patient_informed: 'done',
      specialties_present: 'done',
      patient_perspective: 'done',
      trial_considered: 'done',
      reply_sent: 'done',
      patient_told: 'done',
    });
    expect(states(byId.get(a2)!)).toMatchObject({
      referral_complete: 'overdue',
      patient_perspective: 'open',
      trial_considered: 'open',
      reply_sent: 'done',
      patient_told: 'overdue',
    });
    // a3 was told on Fri 11-20, after its deadline Fri 11-13 (5 working days after 11-06).
    expect(byId.get(a3)!.checklist.find((e) => e.item === 'patient_told')).toMatchObject({ state: 'late', due: '2026-11-13' });
    expect(states(byId.get(a4)!)).toMatchObject({ specialties_present: 'not_yet', reply_sent: 'not_yet' });
    // M2 was finalised Thu 11-19, after the reply deadline Tue 11-17 (2 working days after Fri 11-13).
    // a4, postponed at M1, went on to M2's list and was postponed again there: nothing during or after applies.
    const two = new Map((await api.call('caseLists.get', { meetingId: m2 })).items.map((i) => [i.referralId, i]));
    expect(two.get(b1)!.checklist.find((e) => e.item === 'reply_sent')).toMatchObject({ state: 'late', due: '2026-11-17' });
    expect(states(two.get(a4)!)).toMatchObject({ reply_sent: 'not_yet', patient_told: 'not_yet' });

    const logged = core.db.prepare("SELECT action, count(*) n FROM access_log WHERE method = 'checklist.tick' GROUP BY action").all();
    // 2 images + 1 informed at M1, told a1, 1 image at M2, told b1, told a3 = 7 ticks.
    expect(logged).toEqual([{ action: 'change', n: 7 }]);
  });

  it('keeps items and deadlines per care area in Settings (administrator or coordinator) and judges by them', async () => {
    const { api, coordinator, m1, a2 } = await knownDataset();
    const shipped = await api.call('checklist.rules', {});
    expect(shipped.careAreas.ANAL).toEqual(shipped.defaults);
    expect(shipped.defaults).toMatchObject({ beforeWorkingDays: 2, replyWorkingDays: 2, patientToldWorkingDays: 5 });
    expect(shipped.careAreas.SARCOMA.beforeWorkingDays).toBe(3);
    expect(
      (
        await errorOf(
          api.call('checklist.saveRules', { careAreaCode: 'ANAL', items: [], beforeWorkingDays: 1, replyWorkingDays: 1, patientToldWorkingDays: 1 }),
        )
      ).code,
    ).toBe('forbidden');
    expect(
      (
        await errorOf(
          coordinator.call('checklist.saveRules', { careAreaCode: 'ANAL', items: [], beforeWorkingDays: 61, replyWorkingDays: 1, patientToldWorkingDays: 1 }),
        )
      ).issues?.[0],
    ).toMatchObject({ path: 'beforeWorkingDays', messageKey: 'checklist.daysRange' });
    const saved = await coordinator.call('checklist.saveRules', {
      careAreaCode: 'ANAL',
      items: ['patient_told', 'referral_complete', 'referral_complete'],
      beforeWorkingDays: 1,
      replyWorkingDays: 2,
      patientToldWorkingDays: 10,
    });
    expect(saved.items).toEqual(['referral_complete', 'patient_told']);
    const item = (await api.call('caseLists.get', { meetingId: m1 })).items.find((i) => i.referralId === a2)!;
    expect(item.checklist.map((e) => [e.item, e.due])).toEqual([
      ['referral_complete', '2026-11-05'],
      ['patient_told', '2026-11-20'],
    ]);
  });
});

describe('checklist completion figure', () => {
  it('computes the known dataset as calculated by hand, on the dashboard figures, the PDF and its target', async () => {
    const { api, coordinator } = await knownDataset();
    await coordinator.call('followThrough.saveTargets', {
      careAreaCode: 'ANAL',
      implementationRate: null,
      wishesRecorded: null,
      trialConsidered: null,
      postponementRate: null,
      checklistComplete: 0.9,
    });
    const f = await api.call('followThrough.figures', { careAreaCode: 'ANAL', from: '2026-11-01', to: '2026-11-30' });
    // Discussed with a recommendation at finalised meetings: a1, a2, a3 (M1) and b1 (M2) = 4; a4 was postponed.
    // Complete in time: a1 only (a2 lacks much; a3 told after 11-13; b1's reply went on 11-19, after 11-17) → 1/4.
    expect(f.checklist.cases).toBe(4);
    expect(f.checklist.complete).toBe(1);
    expect(f.checklist.share).toBe(0.25);
    expect(f.targets.checklistComplete).toBe(0.9);
    // Per item, done in time of 4:
    // referral complete a1 a3 b1 = 3; images a1 a3 b1 = 3; informed a1 (referral) a3 (tick) b1 (referral) = 3;
    // specialties: M1 quorate, M2 requires none = 4; perspective a1 a3 b1 = 3 (a2 not known); trial a1 a3 b1 = 3;
    // reply: M1 on 11-06 ≤ 11-10 for a1 a2 a3, b1 late = 3; told: a1 (11-10 ≤ 11-13), b1 (11-19 ≤ 11-20) = 2.
    expect(f.checklist.items.map((i) => [i.item, i.done, i.share])).toEqual([
      ['referral_complete', 3, 0.75],
      ['images_available', 3, 0.75],
      ['patient_informed', 3, 0.75],
      ['specialties_present', 4, 1],
      ['patient_perspective', 3, 0.75],
      ['trial_considered', 3, 0.75],
      ['reply_sent', 3, 0.75],
      ['patient_told', 2, 0.5],
    ]);
    const pdf = await pdfText(
      Buffer.from((await api.call('followUp.exportPdf', { careAreaCode: 'ANAL', from: '2026-11-01', to: '2026-11-30' })).base64, 'base64'),
    );
    expect(pdf.text).toMatch(/Andel fall med komplett checklista\s*1\s*25,0\s%\s*90,0\s%/);
    expect(pdf.text).toMatch(/Checklista nMDK per punkt/);
  });
});

describe('checklist completion over several meetings', () => {
  /**
   * The known dataset and a third meeting, M3 Fri 2026-11-27, finalised the same day: a4 (postponed
   * at M1 and M2; its referral says "not informed") is discussed there, with the patient informed
   * and the images ticked at M2, and c1 (new, images ticked at M3). A tick at another meeting counts
   * for the patient informed only, so a4's images are missing at M3.
   */
  async function threeMeetings() {
    const s = await knownDataset();
    const { db, api, meeting, referral, at, m2, a4 } = s;
    const m3 = meeting('2026-11-27');
    const c1 = referral('Fors');
    db.prepare('UPDATE referral SET patient_informed = 0 WHERE id = ?').run(a4);
    at('2026-11-23T08:00:00.000Z');
    for (const item of ['patient_informed', 'images_available'] as const) await api.call('checklist.tick', { meetingId: m2, referralId: a4, item, done: true });
    await api.call('caseLists.add', { meetingId: m3, referralIds: [a4, c1] });
    await api.call('checklist.tick', { meetingId: m3, referralId: c1, item: 'images_available', done: true });
    await api.call('caseLists.lock', { meetingId: m3 });
    at('2026-11-27T07:30:00.000Z');
    for (const r of [a4, c1])
      await api.call('recommendations.record', rec(m3, r, { wishesConsidered: 'yes', wishesHow: 'Som önskat', trialConsidered: false }));
    at('2026-11-27T09:00:00.000Z');
    await api.call('caseLists.finalise', { meetingId: m3 });
    return { ...s, m3, c1 };
  }

  it("counts what each meeting's own case list shows for its discussed cases, a4's M2 ticks judged as at M3", async () => {
    const { api, m1, m2, m3, a4 } = await threeMeetings();
    const f = await api.call('followThrough.figures', { careAreaCode: 'ANAL', from: '2026-11-01', to: '2026-11-30' });
    // The same cases one meeting at a time, as the case list (one meeting per call) judges them.
    const discussed = (await Promise.all([m1, m2, m3].map((meetingId) => api.call('caseLists.get', { meetingId })))).flatMap((v) =>
      v.items.filter((i) => i.outcome === 'discussed'),
    );
    const a4AtM3 = discussed.find((i) => i.referralId === a4 && i.checklist.some((e) => e.item === 'reply_sent' && e.state === 'done'))!;
    expect(states(a4AtM3)).toMatchObject({ patient_informed: 'done', images_available: 'overdue' });
    // 4 of the known dataset, a4 and c1 at M3; a1 complete as before, and neither a4 (images) nor c1 (not told yet: open, not done).
    expect(f.checklist.cases).toBe(6);
    expect(discussed).toHaveLength(6);
    expect(f.checklist.complete).toBe(discussed.filter((i) => i.checklist.every((e) => e.state === 'done')).length);
    expect(f.checklist.complete).toBe(1);
    expect(f.checklist.items).toEqual(
      f.checklist.items.map(({ item }) => {
        const done = discussed.filter((i) => i.checklist.some((e) => e.item === item && e.state === 'done')).length;
        return { item, done, share: done / 6 };
      }),
    );
    // Per item beyond the known dataset's counts: a4 and c1 are complete, informed (a4 by the M2 tick, c1 by its referral),
    // met the specialties (M3 requires none), perspective yes, reply the same day; images: c1 only;
    // trial: not considered for either (recorded as no); told: neither yet.
    expect(f.checklist.items.map((i) => [i.item, i.done])).toEqual([
      ['referral_complete', 5],
      ['images_available', 4],
      ['patient_informed', 5],
      ['specialties_present', 6],
      ['patient_perspective', 5],
      ['trial_considered', 3],
      ['reply_sent', 5],
      ['patient_told', 2],
    ]);
  });
});

describe('mdk stats', () => {
  useCliSignIn();
  it('prints the checklist completion of the known dataset, overall and per item', async () => {
    const { runCli } = await import('../../src/main/cli/index');
    const { dataDir } = await knownDataset();
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await runCli(['stats', '--data', dataDir, '--care-area', 'ANAL', '--from', '2026-11-01', '--to', '2026-11-30'], io)).toBe(0);
    const text = lines.join('\n');
    // The same hand calculation as above: 1 of 4 complete; the patient told in time for 2 of 4.
    expect(text).toMatch(/Andel fall med komplett checklista\s+1\s+25,0\s%/);
    expect(text).toContain('Checklista nMDK per punkt');
    expect(text).toMatch(/Efter: Patienten har fått rekommendationen\s+2\s+50,0\s%/);
  });
});
