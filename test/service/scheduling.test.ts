import { describe, expect, it } from 'vitest';
import { testCore, withWorkplace } from './helpers';
import { insertPatient, insertReferral } from '../factories';
import type { SeriesInput } from '../../src/shared/api/methods/scheduling';
import { ApiError } from '../../src/shared/api/errors';

// A fixed "today" in Stockholm: Monday 23 November 2026.
const NOW = new Date('2026-11-23T08:00:00Z');

async function setup(options: { localRole?: 'administrator' | 'coordinator' | 'contact_nurse' | 'physician' } = {}) {
  const t = await testCore({ now: () => NOW, ...options });
  const ref = options.localRole && options.localRole !== 'administrator' ? await t.api.call('reference.get', {}) : (await withWorkplace(t.api)).ref;
  return { ...t, ref };
}

const thursdays = (over: Partial<SeriesInput> = {}): SeriesInput => ({
  careAreaCode: 'ANAL',
  name: 'Nationell MDK analcancer',
  weekday: 4,
  startTime: '14:00',
  durationMinutes: 60,
  frequency: 'weekly',
  firstDate: '2026-11-01',
  deadlineWorkingDays: 2,
  deadlineTime: '12:00',
  holidayPolicy: 'skip',
  minutesPerCase: 6,
  capacityCases: 10,
  requiredRoles: ['surgeon', 'oncologist'],
  videoLink: 'https://video.example.se/mdk-anal',
  ...over,
});

describe('series and meetings', () => {
  it('generates at least 12 months ahead, skips holidays, and regenerating adds nothing', async () => {
    const { api, core } = await setup();
    const { id, generation } = await api.call('series.save', thursdays());
    expect(generation.created).toBeGreaterThanOrEqual(52);
    const { meetings, skipped } = await api.call('meetings.list', { seriesId: id, from: '2026-11-01', to: '2027-12-31' });
    expect(meetings[0].localDate).toBe('2026-11-26');
    expect(meetings.at(-1)!.localDate >= '2027-11-23').toBe(true);
    // Christmas Eve 2026 is a Thursday; Ascension Day 2027 is Thursday 6 May
    expect(meetings.some((m) => m.localDate === '2026-12-24')).toBe(false);
    expect(skipped.map((s) => [s.date, s.holidaySv])).toEqual(
      expect.arrayContaining([
        ['2026-12-24', 'Julafton'],
        ['2027-05-06', 'Kristi himmelsfärdsdag'],
      ]),
    );
    // 14:00 Stockholm in winter (13:00Z) and summer (12:00Z)
    expect(meetings.find((m) => m.localDate === '2027-01-14')!.startsAt).toBe('2027-01-14T13:00:00Z');
    expect(meetings.find((m) => m.localDate === '2027-04-01')!.startsAt).toBe('2027-04-01T12:00:00Z');
    expect(meetings[0].deadlineLocal).toEqual({ date: '2026-11-24', time: '12:00' });

    const count = core.db.prepare('SELECT count(*) FROM meeting').pluck().get();
    const again = await api.call('series.regenerate', { id });
    expect(again).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(core.db.prepare('SELECT count(*) FROM meeting').pluck().get()).toBe(count);
  });

  it('tops the series up as time passes, so meetings stay planned 12 months ahead', async () => {
    const { api, core, dataDir } = await setup();
    const { id } = await api.call('series.save', thursdays());
    core.close();
    const later = await testCore({ dataDir, now: () => new Date('2027-05-20T08:00:00Z') });
    const { meetings } = await later.api.call('meetings.list', { seriesId: id, from: '2027-05-20', to: '2028-12-31' });
    expect(meetings.at(-1)!.localDate >= '2028-05-20').toBe(true);
    expect(new Set(meetings.map((m) => m.localDate)).size).toBe(meetings.length);
  });

  it('moves holiday meetings to the next working day when the series says so, and raises SEQUENCE on change', async () => {
    const { api, core } = await setup();
    const { id } = await api.call('series.save', thursdays());
    const before = core.db.prepare("SELECT id, ical_uid, ical_sequence FROM meeting WHERE local_date = '2027-01-14'").get() as {
      id: number;
      ical_uid: string;
      ical_sequence: number;
    };
    const { generation } = await api.call('series.save', { ...thursdays(), id, holidayPolicy: 'next_working_day', startTime: '15:00' });
    expect(generation.created).toBeGreaterThan(0); // the holiday dates come back, moved
    // Thu 24 Dec (Julafton) → Mon 28 Dec; Thu 31 Dec (Nyårsafton) → Mon 4 Jan (1 Jan is a holiday)
    const { meetings } = await api.call('meetings.list', { seriesId: id, from: '2026-12-20', to: '2027-01-08' });
    expect(meetings.map((m) => [m.localDate, m.movedFromHoliday])).toEqual([
      ['2026-12-28', 'Julafton'],
      ['2027-01-04', 'Nyårsafton'],
      ['2027-01-07', null],
    ]);
    const after = core.db.prepare('SELECT ical_uid, ical_sequence, starts_at FROM meeting WHERE id = ?').get(before.id) as {
      ical_uid: string;
      ical_sequence: number;
      starts_at: string;
    };
    expect(after.ical_uid).toBe(before.ical_uid);
    expect(after.ical_sequence).toBe(before.ical_sequence + 1);
    expect(after.starts_at).toBe('2027-01-14T14:00:00Z');
  });

  it('removes dates a changed rule no longer gives, but cancels those another record points at', async () => {
    const { api, core } = await setup();
    const { id } = await api.call('series.save', thursdays());
    const { meetings } = await api.call('meetings.list', { seriesId: id, from: '2026-11-26', to: '2026-12-03' });
    // a recommendation refers to the second meeting
    const patient = insertPatient(core.db);
    const referral = insertReferral(core.db, { patientId: patient, careAreaCode: 'ANAL' });
    core.db
      .prepare("INSERT INTO recommendation (referral_id, meeting_id, intent, recorded_at, recorded_by) VALUES (?, ?, 'curative', ?, 'test')")
      .run(referral, meetings[1].id, NOW.toISOString());
    const { generation } = await api.call('series.save', { ...thursdays(), id, weekday: 3 });
    expect(generation.cancelled).toBe(1);
    expect(generation.removed).toBeGreaterThan(50);
    expect((await api.call('meetings.get', { id: meetings[1].id })).status).toBe('cancelled');
    await expect(api.call('meetings.get', { id: meetings[0].id })).rejects.toMatchObject({ code: 'not_found' });
    const { meetings: after } = await api.call('meetings.list', { seriesId: id, from: '2026-11-23', to: '2026-12-10' });
    expect(after.filter((m) => m.status === 'planned').map((m) => m.localDate)).toEqual(['2026-11-25', '2026-12-02', '2026-12-09']);
  });

  it('alternates the chairing unit every two years', async () => {
    const { api, ref } = await setup();
    const [a, b] = ref.units;
    const { id } = await api.call(
      'series.save',
      thursdays({ careAreaCode: 'PENILE', chairUnitId: a.id, alternateChairUnitId: b.id, chairAlternationYears: 2, chairAlternationStart: '2025-07-01' }),
    );
    const { meetings } = await api.call('meetings.list', { seriesId: id, from: '2027-06-20', to: '2027-07-10' });
    expect(meetings.map((m) => [m.localDate, m.chairUnitId])).toEqual([
      ['2027-06-24', a.id],
      ['2027-07-01', b.id],
      ['2027-07-08', b.id],
    ]);
  });

  it('reports bad input next to the field and saves nothing', async () => {
    const { api, core } = await setup();
    const err = await api.call('series.save', thursdays({ frequency: 'monthly', monthWeek: null })).catch((e: ApiError) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).issues![0]).toMatchObject({ path: 'monthWeek', messageKey: 'series.monthWeekRequired' });
    const err2 = await api.call('series.save', thursdays({ startTime: '25:00', videoLink: 'http://x' })).catch((e: ApiError) => e);
    expect((err2 as ApiError).issues!.map((i) => i.path).sort()).toEqual(['startTime', 'videoLink']);
    expect(core.db.prepare('SELECT count(*) FROM conference_series').pluck().get()).toBe(0);
  });

  it('lets only coordinators and administrators manage series', async () => {
    const { api } = await setup({ localRole: 'physician' });
    await expect(api.call('series.save', thursdays())).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('cancel and move', () => {
  it('rolls listed cases to the next meeting when one is cancelled, and says so', async () => {
    const { api, core } = await setup();
    const { id } = await api.call('series.save', thursdays());
    const { meetings } = await api.call('meetings.list', { seriesId: id, from: '2026-11-26', to: '2026-12-10' });
    const [first, second] = meetings;
    const patient = insertPatient(core.db);
    const r1 = insertReferral(core.db, { patientId: patient, careAreaCode: 'ANAL' });
    const r2 = insertReferral(core.db, { patientId: patient, careAreaCode: 'ANAL' });
    const add = core.db.prepare('INSERT INTO case_list_item (meeting_id, referral_id, position, minutes) VALUES (?, ?, ?, 6)');
    add.run(first.id, r1, 1);
    add.run(first.id, r2, 2);
    add.run(second.id, r2, 1); // already listed on the next meeting too

    expect(await api.call('meetings.cancelImpact', { id: first.id })).toEqual({
      caseCount: 2,
      nextMeeting: { id: second.id, localDate: second.localDate, startTime: '14:00' },
    });
    await expect(api.call('meetings.cancel', { id: first.id, reason: '' })).rejects.toMatchObject({ code: 'validation' });
    const res = await api.call('meetings.cancel', { id: first.id, reason: 'Ordföranden sjuk' });
    expect(res).toEqual({ movedCases: 2, toMeeting: { id: second.id, localDate: second.localDate, startTime: '14:00' } });
    const rows = core.db.prepare('SELECT referral_id, position FROM case_list_item WHERE meeting_id = ? ORDER BY position').all(second.id);
    expect(rows).toEqual([
      { referral_id: r2, position: 1 },
      { referral_id: r1, position: 2 },
    ]);
    const cancelled = await api.call('meetings.get', { id: first.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Ordföranden sjuk', caseCount: 0, icalSequence: 1 });
    await expect(api.call('meetings.cancel', { id: first.id, reason: 'igen' })).rejects.toMatchObject({ messageKey: 'mdkMeeting.alreadyCancelled' });
    // regenerating leaves a cancelled meeting cancelled
    await api.call('series.regenerate', { id });
    expect((await api.call('meetings.get', { id: first.id })).status).toBe('cancelled');
  });

  it('moves one meeting with a reason, keeps it through regeneration, and recomputes the deadline', async () => {
    const { api } = await setup();
    const { id } = await api.call('series.save', thursdays());
    const { meetings } = await api.call('meetings.list', { seriesId: id, from: '2026-12-01', to: '2026-12-05' });
    const res = await api.call('meetings.move', { id: meetings[0].id, localDate: '2026-12-04', startTime: '09:30', reason: 'Lokalen upptagen' });
    expect(res).toEqual({ caseCount: 0, holidaySv: null, holidayEn: null });
    await api.call('series.regenerate', { id });
    const m = await api.call('meetings.get', { id: meetings[0].id });
    expect(m).toMatchObject({
      localDate: '2026-12-04',
      startTime: '09:30',
      movedReason: 'Lokalen upptagen',
      deadlineLocal: { date: '2026-12-02', time: '12:00' },
    });
    await expect(api.call('meetings.move', { id: m.id, localDate: '2026-11-01', startTime: '09:30', reason: 'x' })).rejects.toMatchObject({
      issues: [{ path: 'localDate', messageKey: 'mdkMeeting.moveToPast' }],
    });
  });
});

describe('patient access', () => {
  it('notes each patient whose case a cancellation moves, for the access log', async () => {
    const accesses: unknown[] = [];
    const t = await testCore({ now: () => NOW, hooks: { recordPatientAccess: (_ctx, list) => accesses.push(...list) } });
    await withWorkplace(t.api);
    const { id } = await t.api.call('series.save', thursdays());
    const { meetings } = await t.api.call('meetings.list', { seriesId: id, from: '2026-11-26', to: '2026-11-26' });
    const patient = insertPatient(t.core.db);
    const referral = insertReferral(t.core.db, { patientId: patient, careAreaCode: 'ANAL' });
    const item = Number(
      t.core.db.prepare('INSERT INTO case_list_item (meeting_id, referral_id, position, minutes) VALUES (?, ?, 1, 6)').run(meetings[0].id, referral)
        .lastInsertRowid,
    );
    accesses.length = 0;
    await t.api.call('meetings.cancel', { id: meetings[0].id, reason: 'Sjukdom' });
    expect(accesses).toEqual([{ patientId: patient, objectType: 'case_list_item', objectId: item }]);
  });
});

describe('participants, attendance and quorum', () => {
  it('copies default participants to meetings and computes quorum from attendance', async () => {
    const { api, ref } = await setup();
    const unitId = ref.units[0].id;
    const surgeon = await api.call('people.save', { name: 'Åsa Öberg', role: 'surgeon', unitId, email: 'asa.oberg@example.se' });
    const oncologist = await api.call('people.save', { name: 'Per Lind', role: 'oncologist', unitId, email: 'per.lind@example.se' });
    await expect(api.call('people.save', { name: 'X', role: 'surgeon', email: 'ASA.OBERG@example.se' })).rejects.toMatchObject({
      issues: [{ path: 'email', messageKey: 'person.emailTaken' }],
    });
    await expect(api.call('people.save', { name: 'Y', role: 'surgeon', email: 'nope' })).rejects.toMatchObject({
      issues: [{ path: 'email', messageKey: 'person.emailFormat' }],
    });
    const { id } = await api.call('series.save', thursdays({ participantIds: [surgeon.id, oncologist.id] }));
    const { meetings } = await api.call('meetings.list', { seriesId: id, from: '2026-11-26', to: '2026-11-26' });
    const meetingId = meetings[0].id;
    let m = await api.call('meetings.get', { id: meetingId });
    expect(m.participants.map((p) => p.name)).toEqual(['Per Lind', 'Åsa Öberg']);
    expect(m.quorum).toMatchObject({ expectedMet: true, met: false, recorded: false });

    await api.call('meetings.setAttendance', { meetingId, personId: surgeon.id, attendance: 'present' });
    const { quorum } = await api.call('meetings.setAttendance', { meetingId, personId: oncologist.id, attendance: 'absent' });
    expect(quorum).toMatchObject({ met: false, missingRoles: ['oncologist'], expectedMet: false });
    const { quorum: q2 } = await api.call('meetings.setAttendance', { meetingId, personId: oncologist.id, attendance: 'remote' });
    expect(q2.met).toBe(true);
    m = await api.call('meetings.get', { id: meetingId });
    expect(m.participants.map((p) => p.attendance)).toEqual(['remote', 'present']);
  });

  it('lets a contact nurse record attendance but not manage series', async () => {
    const { api, core } = await setup({ localRole: 'contact_nurse' });
    const t = NOW.toISOString();
    const sid = Number(
      core.db
        .prepare("INSERT INTO conference_series (care_area_code, name, created_at, updated_at, required_roles) VALUES ('ANAL', 'S', ?, ?, '[\"surgeon\"]')")
        .run(t, t).lastInsertRowid,
    );
    const pid = Number(core.db.prepare("INSERT INTO person (name, role, created_at) VALUES ('Kim', 'surgeon', ?)").run(t).lastInsertRowid);
    const mid = Number(
      core.db
        .prepare(
          "INSERT INTO meeting (series_id, care_area_code, local_date, starts_at, duration_minutes, ical_uid, created_at, updated_at) VALUES (?, 'ANAL', '2026-11-26', '2026-11-26T13:00:00Z', 60, 'u1', ?, ?)",
        )
        .run(sid, t, t).lastInsertRowid,
    );
    core.db.prepare("INSERT INTO meeting_participant (meeting_id, person_id, role) VALUES (?, ?, 'surgeon')").run(mid, pid);
    expect((await api.call('meetings.setAttendance', { meetingId: mid, personId: pid, attendance: 'present' })).quorum.met).toBe(true);
    await expect(api.call('series.regenerate', { id: sid })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
