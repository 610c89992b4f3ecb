import { describe, expect, it } from 'vitest';
import { testCore } from './helpers';
import { insertPatient, insertReferral } from '../factories';
import { ApiError } from '../../src/shared/api/errors';
import { describeError } from '../../src/shared/i18n/describe-error';
import { pdfText } from '../pdf-text';

async function errorOf(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('expected a refusal');
}

/**
 * A weekly anal-cancer MDK (Thursdays 14:00 Stockholm) that needs a chair, a surgeon and a pathologist,
 * with one complete referral on the locked list of Thursday 7 January 2027. The clock is the test's to move.
 */
async function lockedMeeting() {
  const clock = { now: new Date('2027-01-04T09:00:00.000Z') };
  const admin = await testCore({ now: () => clock.now });
  const chair = await testCore({ dataDir: admin.dataDir, now: () => clock.now, localRole: 'physician' });
  const { api } = admin;
  const ref = await api.call('reference.get', {});
  const su = ref.units.find((u) => u.code === 'SU')!;
  await api.call('workplace.set', { unitId: su.id, careAreaCodes: ['ANAL'] });
  const person = async (name: string, role: 'chair' | 'surgeon' | 'pathologist') => (await api.call('people.save', { name, role, unitId: su.id })).id;
  const people = {
    chair: await person('Åke Ordförande', 'chair'),
    surgeon: await person('Karin Kirurg', 'surgeon'),
    pathologist: await person('Örjan Patolog', 'pathologist'),
  };
  await api.call('series.save', {
    careAreaCode: 'ANAL',
    name: 'Nationell MDK analcancer',
    weekday: 4,
    startTime: '14:00',
    durationMinutes: 60,
    frequency: 'weekly',
    firstDate: '2027-01-07',
    deadlineWorkingDays: 2,
    deadlineTime: '12:00',
    holidayPolicy: 'skip',
    minutesPerCase: 10,
    capacityCases: 10,
    requiredRoles: ['chair', 'surgeon', 'pathologist'],
    participantIds: Object.values(people),
  });
  const meetingId = admin.core.db.prepare("SELECT id FROM meeting WHERE local_date = '2027-01-07'").pluck().get() as number;
  const referralId = insertReferral(admin.core.db, {
    patientId: insertPatient(admin.core.db, { familyName: 'Ström', givenName: 'Märta' }),
    receivedDate: '2027-01-02',
    suspicionDate: null,
  });
  await api.call('caseLists.add', { meetingId, referralIds: [referralId] });
  await api.call('caseLists.lock', { meetingId });
  const recommendation = { meetingId, referralId, intent: 'curative' as const, treatments: [], nextStep: 'Kallas till onkologisk bedömning.' };
  return { clock, admin, chair, people, meetingId, referralId, recommendation };
}

describe('a meeting cannot be recorded before it happens', () => {
  it('refuses recommendations and finalising before the start, saying in Swedish when it starts; records once it has begun', async () => {
    const { clock, chair, meetingId, recommendation } = await lockedMeeting();
    const early = await errorOf(chair.api.call('recommendations.record', recommendation));
    expect(early).toMatchObject({ code: 'conflict', messageKey: 'meeting.notStarted', params: { date: '2027-01-07', time: '14:00' } });
    expect(describeError('sv', early)).toBe(
      'Mötet har inte börjat än: det börjar 2027-01-07 kl. 14:00. Rekommendationer registreras och mötet fastställs först när mötet har börjat.',
    );
    expect(describeError('en', early)).toContain('it starts on 2027-01-07 at 14:00 (Swedish time)');
    expect(await errorOf(chair.api.call('caseLists.finalise', { meetingId }))).toMatchObject({ messageKey: 'meeting.notStarted' });
    // One minute before 14:00 in Stockholm (13:00 UTC in winter) is still too early; at 14:00 it may be recorded.
    clock.now = new Date('2027-01-07T12:59:00.000Z');
    expect(await errorOf(chair.api.call('recommendations.record', recommendation))).toMatchObject({ messageKey: 'meeting.notStarted' });
    expect(chair.core.db.prepare('SELECT count(*) FROM recommendation').pluck().get()).toBe(0);
    clock.now = new Date('2027-01-07T13:00:00.000Z');
    expect(await chair.api.call('recommendations.record', recommendation)).toEqual({ version: 1 });
  });

  it('finalising without quorum names the missing roles, needs the chair’s reason, and the record and the reply letter say so', async () => {
    const { clock, admin, chair, people, meetingId, referralId, recommendation } = await lockedMeeting();
    clock.now = new Date('2027-01-07T13:20:00.000Z');
    await admin.api.call('meetings.setAttendance', { meetingId, personId: people.chair, attendance: 'present' });
    await admin.api.call('meetings.setAttendance', { meetingId, personId: people.surgeon, attendance: 'absent' });
    await chair.api.call('recommendations.record', recommendation);
    clock.now = new Date('2027-01-07T14:05:00.000Z');

    const refused = await errorOf(chair.api.call('caseLists.finalise', { meetingId }));
    expect(refused).toMatchObject({ code: 'conflict', messageKey: 'meeting.notQuorate', params: { count: 2 } });
    expect(refused.issues?.map((i) => i.messageKey)).toEqual(['participantRole.surgeon', 'participantRole.pathologist']);
    expect(describeError('sv', refused)).toBe(
      'Mötet är inte beslutsmässigt: 2 obligatoriska roller saknas bland de närvarande. Ordföranden kan fastställa ändå och ange skäl. Kirurg Patolog',
    );
    expect((await chair.api.call('caseLists.get', { meetingId })).meeting.status).toBe('planned');
    // A reason is required (an empty one is refused by the contract).
    expect(await errorOf(chair.api.call('caseLists.finalise', { meetingId, withoutQuorum: { reason: ' ' } }))).toMatchObject({ code: 'validation' });

    const reason = 'Patienten kan inte vänta; kirurgen bedömer bilderna i morgon.';
    const done = await chair.api.call('caseLists.finalise', { meetingId, withoutQuorum: { reason } });
    expect(done.notQuorate).toEqual({ missingRoles: ['surgeon', 'pathologist'], reason });
    const view = await chair.api.call('caseLists.get', { meetingId });
    expect(view.meeting).toMatchObject({ status: 'finalised', notQuorate: { missingRoles: ['surgeon', 'pathologist'], reason } });
    expect(admin.core.db.prepare('SELECT quorum_missing_roles, quorum_reason FROM meeting WHERE id = ?').get(meetingId)).toEqual({
      quorum_missing_roles: '["surgeon","pathologist"]',
      quorum_reason: reason,
    });

    // The reply letter: not quorate and which roles, the reason, only those present, dated on or after the conference.
    const letter = await pdfText(Buffer.from((await chair.api.call('caseLists.replyPdf', { meetingId, referralId })).base64, 'base64'));
    const text = letter.text.replace(/\s+/g, ' ');
    expect(text).toContain('Beslutsförhet: Mötet var inte beslutsmässigt – saknades: kirurg, patolog');
    expect(text).toContain('Roller som saknades: kirurg, patolog.');
    expect(text).toContain(reason);
    expect(text).toContain('Närvarande vid konferensen');
    expect(text).toContain('Åke Ordförande, ordförande');
    expect(text).not.toContain('Karin Kirurg');
    expect(text).not.toContain('Örjan Patolog');
    expect(text).toContain('Konferensdatum: 2027-01-07');
    expect(text).toContain('Svarsdatum: 2027-01-07');
  });

  it('a quorate meeting is finalised without questions and its letters say nothing about quorum', async () => {
    const { clock, admin, chair, people, meetingId, referralId, recommendation } = await lockedMeeting();
    clock.now = new Date('2027-01-07T13:10:00.000Z');
    for (const personId of Object.values(people)) await admin.api.call('meetings.setAttendance', { meetingId, personId, attendance: 'present' });
    await chair.api.call('recommendations.record', recommendation);
    expect((await chair.api.call('caseLists.finalise', { meetingId })).notQuorate).toBeNull();
    const letter = await pdfText(Buffer.from((await chair.api.call('caseLists.replyPdf', { meetingId, referralId })).base64, 'base64'));
    expect(letter.text).not.toContain('beslutsmässigt');
    expect(letter.text).toContain('Karin Kirurg');
  });
});
