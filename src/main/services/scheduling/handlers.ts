import type { Handlers } from '../../router/router';
import type { RequestContext } from '../../router/context';
import { stockholmToday } from '../../../shared/domain/stockholm-time';
import { cancelMeeting, moveMeeting } from './changes';
import { generateMeetings, topUpSeries } from './generate';
import { exportIcs } from './ical';
import { getMeeting, listMeetings, meetingRow, nextMeetingAfter } from './meetings';
import { addParticipant, listPeople, removeParticipant, savePerson, setAttendance } from './participants';
import { listSeries, saveSeries } from './series';
import { invalid } from '../../../shared/api/errors';

const noteRolled =
  (ctx: RequestContext) =>
  (patientId: number, caseListItemId: number): void =>
    ctx.notePatientAccess({ patientId, objectType: 'case_list_item', objectId: caseListItemId });

type SchedulingMethods =
  | 'series.list'
  | 'series.save'
  | 'series.regenerate'
  | 'meetings.list'
  | 'meetings.get'
  | 'meetings.cancelImpact'
  | 'meetings.cancel'
  | 'meetings.move'
  | 'meetings.addParticipant'
  | 'meetings.removeParticipant'
  | 'meetings.setAttendance'
  | 'meetings.exportIcs'
  | 'people.list'
  | 'people.save';

/**
 * Scheduling reads no patient data; it counts listed cases. Cancelling a meeting (or a series change that
 * drops one) moves patients' cases to the next meeting: that is a change, noted per patient for the access log.
 */
export const schedulingHandlers: Pick<Handlers, SchedulingMethods> = {
  'series.list': ({ careAreaCode }, ctx) => listSeries(ctx.db, careAreaCode, stockholmToday(ctx.now())),
  'series.save': (input, ctx) => {
    const id = saveSeries(ctx.db, input, ctx.now().toISOString());
    return { id, generation: generateMeetings(ctx.db, id, stockholmToday(ctx.now()), ctx.now().toISOString(), noteRolled(ctx)) };
  },
  'series.regenerate': ({ id }, ctx) => generateMeetings(ctx.db, id, stockholmToday(ctx.now()), ctx.now().toISOString(), noteRolled(ctx)),
  'meetings.list': (q, ctx) => {
    if (q.to < q.from) throw invalid('to', 'ics.toBeforeFrom');
    topUpSeries(ctx.db, stockholmToday(ctx.now()), ctx.now().toISOString());
    return listMeetings(ctx.db, q);
  },
  'meetings.get': ({ id }, ctx) => getMeeting(ctx.db, id),
  'meetings.cancelImpact': ({ id }, ctx) => {
    const m = meetingRow(ctx.db, id);
    return { caseCount: m.case_count, nextMeeting: nextMeetingAfter(ctx.db, m) };
  },
  'meetings.cancel': ({ id, reason }, ctx) => cancelMeeting(ctx.db, id, reason, ctx.now().toISOString(), noteRolled(ctx)),
  'meetings.move': (input, ctx) => moveMeeting(ctx.db, input, stockholmToday(ctx.now()), ctx.now().toISOString()),
  'meetings.addParticipant': ({ meetingId, personId }, ctx) => {
    addParticipant(ctx.db, meetingId, personId);
    return { ok: true };
  },
  'meetings.removeParticipant': ({ meetingId, personId }, ctx) => {
    removeParticipant(ctx.db, meetingId, personId);
    return { ok: true };
  },
  'meetings.setAttendance': ({ meetingId, personId, attendance }, ctx) => setAttendance(ctx.db, meetingId, personId, attendance),
  'meetings.exportIcs': (q, ctx) => exportIcs(ctx.db, q, stockholmToday(ctx.now()), ctx.now()),
  'people.list': ({ includeInactive }, ctx) => listPeople(ctx.db, includeInactive),
  'people.save': (input, ctx) => savePerson(ctx.db, input, ctx.now().toISOString()),
};
