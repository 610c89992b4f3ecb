import { z } from 'zod';
import { defineMethod } from '../contract';
import type { FilePayload } from '../files';
import { codeText, id, isoDate, optionalText, requiredText } from '../limits';
import { FREQUENCIES, HOLIDAY_POLICIES } from '../../domain/recurrence';
import { ATTENDANCE, PARTICIPANT_ROLES, type Attendance, type Quorum } from '../../domain/quorum';
import { TIME_PATTERN } from '../../domain/date-text';

const time = () => z.string().regex(TIME_PATTERN, { message: 'series.timeFormat' });
const managers = ['administrator', 'coordinator'] as const;

const seriesInput = z.object({
  id: id().optional(),
  careAreaCode: codeText(),
  name: requiredText(),
  weekday: z.number({ message: 'validation.required' }).int().min(1).max(7),
  startTime: time(),
  durationMinutes: z.number({ message: 'series.number' }).int().min(15, { message: 'series.durationRange' }).max(480, { message: 'series.durationRange' }),
  frequency: z.enum(FREQUENCIES),
  monthWeek: z
    .union([z.literal(-1), z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
    .nullable()
    .default(null),
  firstDate: isoDate(),
  lastDate: isoDate().nullable().default(null),
  deadlineWorkingDays: z.number({ message: 'series.number' }).int().min(0, { message: 'series.deadlineRange' }).max(20, { message: 'series.deadlineRange' }),
  deadlineTime: time(),
  holidayPolicy: z.enum(HOLIDAY_POLICIES),
  chairUnitId: id().nullable().default(null),
  alternateChairUnitId: id().nullable().default(null),
  chairAlternationYears: z
    .number()
    .int()
    .min(1, { message: 'series.alternationRange' })
    .max(10, { message: 'series.alternationRange' })
    .nullable()
    .default(null),
  chairAlternationStart: isoDate().nullable().default(null),
  chairName: optionalText(),
  location: optionalText(),
  videoLink: optionalText(1000).refine((v) => v === null || /^https:\/\/\S+$/.test(v), { message: 'series.videoLinkHttps' }),
  minutesPerCase: z
    .number({ message: 'series.number' })
    .int()
    .min(1, { message: 'series.minutesPerCaseRange' })
    .max(120, { message: 'series.minutesPerCaseRange' }),
  capacityCases: z.number({ message: 'series.number' }).int().min(1, { message: 'series.capacityRange' }).max(100, { message: 'series.capacityRange' }),
  requiredRoles: z.array(z.enum(PARTICIPANT_ROLES)).max(PARTICIPANT_ROLES.length),
  participantIds: z.array(id()).max(200).default([]),
  active: z.boolean().default(true),
});
export type SeriesInput = z.input<typeof seriesInput>;
export type SeriesData = z.output<typeof seriesInput> & { id: number };

export interface SeriesView extends SeriesData {
  careAreaName: string;
  /** The first planned meeting from today, if any. */
  nextMeetingDate: string | null;
}

/** What one (re)generation did; `rolledCases` counts cases moved from meetings the new rule drops. */
export interface GenerationResult {
  created: number;
  updated: number;
  removed: number;
  cancelled: number;
  rolledCases: number;
  through: string;
}

export interface MeetingSummary {
  id: number;
  seriesId: number | null;
  seriesName: string | null;
  careAreaCode: string;
  localDate: string;
  startTime: string; // HH:MM Stockholm
  endTime: string;
  startsAt: string;
  durationMinutes: number;
  deadlineAt: string | null;
  deadlineLocal: { date: string; time: string } | null;
  status: 'planned' | 'cancelled' | 'finalised';
  cancelReason: string | null;
  movedReason: string | null;
  /** Name of the holiday the meeting was moved from (rule date on a holiday). */
  movedFromHoliday: string | null;
  location: string | null;
  videoLink: string | null;
  chairUnitId: number | null;
  chairUnitName: string | null;
  chairName: string | null;
  capacityCases: number | null;
  minutesPerCase: number | null;
  caseCount: number;
  week: number;
  quorum: Quorum;
}

/** A rule date dropped because it fell on a holiday (policy "skip"): shown in the calendar. */
export interface SkippedOccurrence {
  seriesId: number;
  seriesName: string;
  careAreaCode: string;
  date: string;
  holidaySv: string;
  holidayEn: string;
}

export interface MeetingParticipantView {
  personId: number;
  name: string;
  role: string;
  unitName: string | null;
  email: string | null;
  attendance: Attendance | null;
}

export interface MeetingDetail extends MeetingSummary {
  requiredRoles: string[];
  participants: MeetingParticipantView[];
  icalUid: string;
  icalSequence: number;
  nextMeeting: { id: number; localDate: string; startTime: string } | null;
}

export interface Person {
  id: number;
  name: string;
  role: string;
  unitId: number | null;
  unitName: string | null;
  email: string | null;
  hsaId: string | null;
  active: boolean;
}

const personInput = z.object({
  id: id().optional(),
  name: requiredText(),
  role: z.enum(PARTICIPANT_ROLES, { message: 'validation.required' }),
  unitId: id().nullable().default(null),
  email: optionalText().refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { message: 'person.emailFormat' }),
  hsaId: optionalText(40).refine((v) => v === null || /^SE\d{10}-[A-Za-z0-9]+$/.test(v), { message: 'person.hsaIdFormat' }),
  active: z.boolean().default(true),
});
export type PersonInput = z.input<typeof personInput>;

const range = z.object({ careAreaCode: codeText().optional(), seriesId: id().optional(), from: isoDate(), to: isoDate() });

/** Scheduling: series, meetings, participants, attendance, quorum, iCalendar. */
export const schedulingMethods = {
  'series.list': defineMethod({ input: z.object({ careAreaCode: codeText().optional() }), roles: 'any', patientData: 'none' }).returns<SeriesView[]>(),
  // 'change': a series change or a cancellation can move patients' listed cases to the next meeting.
  'series.save': defineMethod({ input: seriesInput, roles: managers, patientData: 'change' }).returns<{ id: number; generation: GenerationResult }>(),
  'series.regenerate': defineMethod({ input: z.object({ id: id() }), roles: managers, patientData: 'change' }).returns<GenerationResult>(),
  'meetings.list': defineMethod({ input: range, roles: 'any', patientData: 'none' }).returns<{ meetings: MeetingSummary[]; skipped: SkippedOccurrence[] }>(),
  'meetings.get': defineMethod({ input: z.object({ id: id() }), roles: 'any', patientData: 'none' }).returns<MeetingDetail>(),
  'meetings.cancelImpact': defineMethod({ input: z.object({ id: id() }), roles: 'any', patientData: 'none' }).returns<{
    caseCount: number;
    nextMeeting: { id: number; localDate: string; startTime: string } | null;
  }>(),
  'meetings.cancel': defineMethod({ input: z.object({ id: id(), reason: requiredText() }), roles: managers, patientData: 'change' }).returns<{
    movedCases: number;
    toMeeting: { id: number; localDate: string; startTime: string } | null;
  }>(),
  'meetings.move': defineMethod({
    input: z.object({ id: id(), localDate: isoDate(), startTime: time(), reason: requiredText() }),
    roles: managers,
    patientData: 'none',
  }).returns<{ caseCount: number; holidaySv: string | null; holidayEn: string | null }>(),
  'meetings.addParticipant': defineMethod({
    input: z.object({ meetingId: id(), personId: id() }),
    roles: [...managers, 'contact_nurse'],
    patientData: 'none',
  }).returns<{ ok: true }>(),
  'meetings.removeParticipant': defineMethod({
    input: z.object({ meetingId: id(), personId: id() }),
    roles: [...managers, 'contact_nurse'],
    patientData: 'none',
  }).returns<{ ok: true }>(),
  'meetings.setAttendance': defineMethod({
    input: z.object({ meetingId: id(), personId: id(), attendance: z.enum(ATTENDANCE).nullable() }),
    roles: [...managers, 'contact_nurse'],
    patientData: 'none',
  }).returns<{ quorum: Quorum }>(),
  'meetings.exportIcs': defineMethod({
    // One meeting, a whole series (from today unless a range is given) or a care area's range.
    input: z.object({
      meetingId: id().optional(),
      seriesId: id().optional(),
      careAreaCode: codeText().optional(),
      from: isoDate().optional(),
      to: isoDate().optional(),
    }),
    roles: 'any',
    patientData: 'none',
  }).returns<{ files: FilePayload[]; meetingCount: number }>(),
  'people.list': defineMethod({ input: z.object({ includeInactive: z.boolean().default(false) }), roles: 'any', patientData: 'none' }).returns<Person[]>(),
  'people.save': defineMethod({ input: personInput, roles: managers, patientData: 'none' }).returns<{ id: number }>(),
};
