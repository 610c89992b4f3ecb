import type { Db } from '../../db/driver';
import { invalid, notFound } from '../../../shared/api/errors';
import type { SeriesData, SeriesView } from '../../../shared/api/methods/scheduling';
import type { RecurrenceRule } from '../../../shared/domain/recurrence';

interface SeriesRow {
  id: number;
  care_area_code: string;
  name: string;
  weekday: number;
  start_time: string;
  duration_minutes: number;
  frequency: SeriesData['frequency'];
  month_week: SeriesData['monthWeek'];
  first_date: string;
  last_date: string | null;
  deadline_working_days: number;
  deadline_time: string;
  holiday_policy: SeriesData['holidayPolicy'];
  chair_unit_id: number | null;
  alternate_chair_unit_id: number | null;
  chair_alternation_years: number | null;
  chair_alternation_start: string | null;
  chair_name: string | null;
  location: string | null;
  video_link: string | null;
  minutes_per_case: number;
  capacity_cases: number;
  required_roles: string;
  active: number;
}

function toData(r: SeriesRow, participantIds: number[]): SeriesData {
  return {
    id: r.id,
    careAreaCode: r.care_area_code,
    name: r.name,
    weekday: r.weekday,
    startTime: r.start_time,
    durationMinutes: r.duration_minutes,
    frequency: r.frequency,
    monthWeek: r.month_week,
    firstDate: r.first_date,
    lastDate: r.last_date,
    deadlineWorkingDays: r.deadline_working_days,
    deadlineTime: r.deadline_time,
    holidayPolicy: r.holiday_policy,
    chairUnitId: r.chair_unit_id,
    alternateChairUnitId: r.alternate_chair_unit_id,
    chairAlternationYears: r.chair_alternation_years,
    chairAlternationStart: r.chair_alternation_start,
    chairName: r.chair_name,
    location: r.location,
    videoLink: r.video_link,
    minutesPerCase: r.minutes_per_case,
    capacityCases: r.capacity_cases,
    requiredRoles: JSON.parse(r.required_roles) as SeriesData['requiredRoles'],
    participantIds,
    active: r.active === 1,
  };
}

export function seriesParticipantIds(db: Db, seriesId: number): number[] {
  return db.prepare('SELECT person_id FROM series_participant WHERE series_id = ? ORDER BY person_id').pluck().all(seriesId) as number[];
}

export function getSeries(db: Db, id: number): SeriesData {
  const row = db.prepare('SELECT * FROM conference_series WHERE id = ?').get(id) as SeriesRow | undefined;
  if (!row) throw notFound('conference_series', id);
  return toData(row, seriesParticipantIds(db, id));
}

export function listSeries(db: Db, careAreaCode: string | undefined, today: string): SeriesView[] {
  const rows = db
    .prepare(
      `SELECT s.*, c.name_sv AS care_area_name,
              (SELECT min(local_date) FROM meeting m WHERE m.series_id = s.id AND m.status = 'planned' AND m.local_date >= ?) AS next_date
         FROM conference_series s JOIN care_area c ON c.code = s.care_area_code
        WHERE (? IS NULL OR s.care_area_code = ?)
        ORDER BY s.care_area_code, s.name`,
    )
    .all(today, careAreaCode ?? null, careAreaCode ?? null) as (SeriesRow & { care_area_name: string; next_date: string | null })[];
  return rows.map((r) => ({ ...toData(r, seriesParticipantIds(db, r.id)), careAreaName: r.care_area_name, nextMeetingDate: r.next_date }));
}

export function ruleOf(s: SeriesData): RecurrenceRule {
  return {
    weekday: s.weekday,
    startTime: s.startTime,
    frequency: s.frequency,
    monthWeek: s.monthWeek,
    firstDate: s.firstDate,
    lastDate: s.lastDate,
    deadlineWorkingDays: s.deadlineWorkingDays,
    deadlineTime: s.deadlineTime,
    holidayPolicy: s.holidayPolicy,
  };
}

/** Rules that need more than one field; each failure is reported on the field the user must fix. */
function checkSeries(db: Db, s: Omit<SeriesData, 'id'>): void {
  if (!db.prepare('SELECT 1 FROM care_area WHERE code = ?').get(s.careAreaCode)) throw invalid('careAreaCode', 'series.unknownCareArea');
  if (s.frequency === 'monthly' && s.monthWeek === null) throw invalid('monthWeek', 'series.monthWeekRequired');
  if (s.lastDate && s.lastDate < s.firstDate) throw invalid('lastDate', 'series.lastBeforeFirst');
  for (const [path, unitId] of [
    ['chairUnitId', s.chairUnitId],
    ['alternateChairUnitId', s.alternateChairUnitId],
  ] as const) {
    if (unitId !== null && !db.prepare('SELECT 1 FROM unit WHERE id = ?').get(unitId)) throw invalid(path, 'series.unknownUnit');
  }
  if (s.alternateChairUnitId !== null) {
    if (s.chairUnitId === null) throw invalid('chairUnitId', 'series.chairForAlternation');
    if (s.alternateChairUnitId === s.chairUnitId) throw invalid('alternateChairUnitId', 'series.alternateSameUnit');
    if (s.chairAlternationYears === null) throw invalid('chairAlternationYears', 'series.alternationYearsRequired');
    if (s.chairAlternationStart === null) throw invalid('chairAlternationStart', 'series.alternationStartRequired');
  }
  const [h, m] = s.startTime.split(':').map(Number);
  if (h * 60 + m + s.durationMinutes > 24 * 60) throw invalid('durationMinutes', 'series.endsAfterMidnight');
  for (const pid of s.participantIds) {
    if (!db.prepare('SELECT 1 FROM person WHERE id = ?').get(pid)) throw invalid('participantIds', 'series.unknownPerson');
  }
}

/** Inserts or updates a series and its default participants; returns its id. */
export function saveSeries(db: Db, input: Omit<SeriesData, 'id'> & { id?: number }, nowIso: string): number {
  checkSeries(db, input);
  if (input.id !== undefined && !db.prepare('SELECT 1 FROM conference_series WHERE id = ?').get(input.id)) throw notFound('conference_series', input.id);
  const values = {
    care_area_code: input.careAreaCode,
    name: input.name,
    weekday: input.weekday,
    start_time: input.startTime,
    duration_minutes: input.durationMinutes,
    frequency: input.frequency,
    month_week: input.frequency === 'monthly' ? input.monthWeek : null,
    first_date: input.firstDate,
    last_date: input.lastDate,
    deadline_working_days: input.deadlineWorkingDays,
    deadline_time: input.deadlineTime,
    holiday_policy: input.holidayPolicy,
    chair_unit_id: input.chairUnitId,
    alternate_chair_unit_id: input.alternateChairUnitId,
    chair_alternation_years: input.alternateChairUnitId ? input.chairAlternationYears : null,
    chair_alternation_start: input.alternateChairUnitId ? input.chairAlternationStart : null,
    chair_name: input.chairName,
    location: input.location,
    video_link: input.videoLink,
    minutes_per_case: input.minutesPerCase,
    capacity_cases: input.capacityCases,
    required_roles: JSON.stringify([...new Set(input.requiredRoles)]),
    active: input.active ? 1 : 0,
  };
  const cols = Object.keys(values);
  let id: number;
  if (input.id === undefined) {
    id = Number(
      db
        .prepare(`INSERT INTO conference_series (${cols.join(', ')}, created_at, updated_at) VALUES (${cols.map((c) => '@' + c).join(', ')}, @now, @now)`)
        .run({ ...values, now: nowIso }).lastInsertRowid,
    );
  } else {
    id = input.id;
    db.prepare(`UPDATE conference_series SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`).run({
      ...values,
      now: nowIso,
      id,
    });
  }
  db.prepare('DELETE FROM series_participant WHERE series_id = ?').run(id);
  const add = db.prepare('INSERT INTO series_participant (series_id, person_id) VALUES (?, ?)');
  for (const pid of new Set(input.participantIds)) add.run(id, pid);
  return id;
}
