import { describe, expect, it } from 'vitest';
import { testCore } from './helpers';
import { insertMeeting, insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';
import { testDay } from '../clock';
import type { Core } from '../../src/main/core';

function arrange(core: Core) {
  const db = core.db;
  setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL'] });
  const meeting = (days: number) => insertMeeting(db, { localDate: testDay(days), startsAt: `${testDay(days)}T07:00:00.000Z`, capacityCases: 10 });
  const first = meeting(3);
  const second = meeting(10);
  const ref = (familyName: string, receivedDays: number, priority: 'urgent' | 'normal' = 'normal') =>
    insertReferral(db, { patientId: insertPatient(db, { familyName, givenName: 'Åsa' }), receivedDate: testDay(receivedDays), suspicionDate: null, priority });
  return { first, second, a: ref('Alm', -20), b: ref('Berg', -5, 'urgent'), c: ref('Carlsson', -15), x: ref('Xing', -12), y: ref('Ylva', -4) };
}

async function errorKey(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { messageKey: string }).messageKey;
  }
  throw new Error('expected an error');
}

describe('undoing a postponement', () => {
  it('puts the case back at its place on this list, listed, and off the next list, whose cases move back up', async () => {
    const { core, api } = await testCore({ localRole: 'contact_nurse' });
    const { first, second, a, b, c, x, y } = arrange(core);
    await api.call('caseLists.add', { meetingId: first, referralIds: [a, b, c] });
    await api.call('caseLists.add', { meetingId: second, referralIds: [x, y] });
    await api.call('caseLists.lock', { meetingId: first });
    await api.call('caseLists.lock', { meetingId: second });
    const order = async (meetingId: number) => (await api.call('caseLists.get', { meetingId })).items.map((i) => i.referralId);
    const positions = (meetingId: number) =>
      core.db.prepare('SELECT position FROM case_list_item WHERE meeting_id = ? ORDER BY position').pluck().all(meetingId);
    const firstBefore = await order(first);

    const { nextMeeting } = await api.call('recommendations.postpone', { meetingId: first, referralId: b });
    expect(nextMeeting?.id).toBe(second);
    expect(await order(second)).toEqual([b, x, y]); // urgent: in front

    await api.call('recommendations.undoPostpone', { meetingId: first, referralId: b });
    expect(await order(first)).toEqual(firstBefore);
    const item = (await api.call('caseLists.get', { meetingId: first })).items.find((i) => i.referralId === b)!;
    expect(item.outcome).toBe('pending');
    expect(await order(second)).toEqual([x, y]);
    expect(positions(second)).toEqual([1, 2]);
    expect(core.db.prepare('SELECT status FROM referral WHERE id = ?').pluck().get(b)).toBe('listed');

    // Nothing left to undo.
    expect(await errorKey(api.call('recommendations.undoPostpone', { meetingId: first, referralId: b }))).toBe('recommendation.notPostponed');
    expect(await errorKey(api.call('recommendations.undoPostpone', { meetingId: first, referralId: a }))).toBe('recommendation.notPostponed');
  });

  it('with the next list still open the case comes off it and is listed again; a finalised meeting is not undone', async () => {
    const { core, api } = await testCore({ localRole: 'physician' });
    const { first, second, a, b } = arrange(core);
    await api.call('caseLists.add', { meetingId: first, referralIds: [a] });
    await api.call('caseLists.lock', { meetingId: first });
    await api.call('recommendations.postpone', { meetingId: first, referralId: a });
    await api.call('caseLists.add', { meetingId: second, referralIds: [b] });
    await api.call('recommendations.undoPostpone', { meetingId: first, referralId: a });
    // The next list was open: the postponement made the case complete again; the undo lists it, on the timeline.
    const last = core.db.prepare('SELECT from_status, to_status, note FROM referral_event WHERE referral_id = ? ORDER BY id DESC LIMIT 1').get(a);
    expect(last).toMatchObject({ from_status: 'complete', to_status: 'listed', note: expect.stringContaining('ångrad') });
    expect((await api.call('caseLists.get', { meetingId: second })).items.map((i) => i.referralId)).toEqual([b]);

    await api.call('recommendations.postpone', { meetingId: first, referralId: a });
    core.db.prepare("UPDATE meeting SET status = 'finalised' WHERE id = ?").run(first);
    expect(await errorKey(api.call('recommendations.undoPostpone', { meetingId: first, referralId: a }))).toBe('caseList.meetingNotPlanned');
  });
});
