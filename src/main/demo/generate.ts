/**
 * Demo data: a fictional national unit with a year of history, replayed through the real
 * API handlers with a moving clock (direct-call.ts), so every status, timeline row, case list,
 * recommendation, care plan and handover is made by the same rules as a user's clicks.
 * Patients are fictional names with reservnummer "DEMO-NNNNN" (docs/demo-data.md): no real person's.
 */
import type { Db } from '../db/driver';
import type { Handlers } from '../router/router';
import type { CoreMethod } from '../router/handlers';
import type { PatientAccess } from '../router/context';
import { conflict } from '../../shared/api/errors';
import { getSetting, setSetting } from '../services/settings';
import { getWorkplace } from '../services/system/workplace';
import { addDays, FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, intBetween, pick, seededRandom, type Random } from './synthetic';
import { directCaller, type DirectCaller } from './direct-call';
import { TEXT_KEYS, type CarePlanTexts } from '../../shared/domain/care-plan';
import { DEMO_AREAS, DEMO_NATIONAL_UNIT, DEMO_PEOPLE, DEMO_REFERRING_UNITS, type DemoArea, type DemoUnit } from './plan';
import { stockholmToday } from '../../shared/domain/stockholm-time';
import { daysBetween } from '../../shared/domain/lead-time';
import { addFollowThroughDemo } from './follow-through';
import { addChecklistDemo } from './checklist';

export const DEMO_SETTING = 'demo.loaded';
export const DEMO_REFERRALS = 1_500;

export interface DemoSummary {
  referrals: number;
  meetings: number;
  carePlans: number;
  handovers: number;
  byStatus: Record<string, number>;
  /** The workplace chosen before the load, which the fictional demo unit replaced (null: none was chosen). */
  replacedWorkplace: string | null;
}

const at = (date: string, time: string) => new Date(`${date}T${time}:00.000Z`);

interface Ctx {
  api: DirectCaller;
  rnd: Random;
  today: string;
  /** The load's instant: nothing is recorded after it (meetings later today are still to come). */
  now: Date;
  /** The last DEMO-NNNNN reservnummer given. */
  serial: number;
  tasks: Map<string, (() => void)[]>;
  unitIds: number[];
  nationalUnitId: Map<string, number>;
}

/** Moves the demo clock, never past the load's instant. */
function setClock(c: Ctx, to: Date) {
  c.api.setClock(to > c.now ? c.now : to);
}

function later(c: Ctx, date: string, task: () => void) {
  if (date >= c.today) return;
  const list = c.tasks.get(date) ?? [];
  list.push(task);
  c.tasks.set(date, list);
}

/** Refuses a database with real referrals, and a second load. */
export function assertCanLoad(db: Db): void {
  if (getSetting<boolean>(db, DEMO_SETTING, false)) throw conflict('demo.alreadyLoaded');
  const real = db.prepare('SELECT count(*) FROM referral').pluck().get() as number;
  if (real > 0) throw conflict('demo.realDataPresent', { count: real });
}

export interface DemoOptions {
  now: Date;
  dataDir: string;
  handlers: Omit<Handlers, CoreMethod>;
  /** Days of history before today (a year; tests of many dates use fewer). */
  historyDays?: number;
}

export interface DemoResult {
  summary: DemoSummary;
  accesses: PatientAccess[];
}

/** How far a load has come: the preparations, each day of history, and the lists still to come. */
export interface DemoStep {
  done: number;
  total: number;
}

/** The whole load at once, in the caller's transaction. */
export function generateDemoData(db: Db, options: DemoOptions): DemoResult {
  const steps = demoSteps(db, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The load in steps: each `next()` writes one step (the units, people and series first, then a day
 * of history each, then the next meetings' lists) and says how far the load has come. The caller
 * decides where the transactions begin and end (services/demo/load.ts).
 */
export function* demoSteps(db: Db, options: DemoOptions): Generator<DemoStep, DemoResult, void> {
  assertCanLoad(db);
  const api = directCaller(db, options.dataDir, options.handlers, 'Demo Demosson');
  const today = stockholmToday(options.now);
  const start = addDays(today, -(options.historyDays ?? 364));
  const rnd = seededRandom(2026_0009);
  api.setClock(at(start, '07:00'));

  const ref = api.call('reference.get', {});
  const areas = DEMO_AREAS.filter((a) => ref.careAreas.some((c) => c.code === a.code));
  // The demo's own fictional units: the national unit of every demo care area, and the referring hospitals.
  const saveUnit = (u: DemoUnit) => api.call('reference.saveUnit', { ...u, isUniversityHospital: false, email: null, active: true }).id;
  const demoUnitId = saveUnit(DEMO_NATIONAL_UNIT);
  const unitIds = DEMO_REFERRING_UNITS.map(saveUnit);
  for (const a of areas) {
    const area = ref.careAreas.find((x) => x.code === a.code)!;
    api.call('reference.saveCareArea', {
      code: area.code,
      nameSv: area.nameSv,
      nameEn: area.nameEn,
      icd10: area.icd10,
      nationalUnitIds: [...area.nationalUnitIds, demoUnitId],
      active: true,
    });
  }
  const nationalUnitId = new Map(areas.map((a) => [a.code, demoUnitId]));
  const c: Ctx = { api, rnd, today, now: options.now, serial: 0, tasks: new Map(), unitIds, nationalUnitId };

  // A workplace chosen at first start is replaced, plainly: the summary names it, so the user is told.
  const chosen = getWorkplace(db);
  const replacedWorkplace = chosen ? (ref.units.find((u) => u.id === chosen.unitId)?.name ?? null) : null;
  api.call('workplace.set', { unitId: demoUnitId, careAreaCodes: [...new Set([...areas.map((a) => a.code), ...(chosen?.careAreaCodes ?? [])])] });
  setSetting(db, DEMO_SETTING, true);

  // People and series: every series gets the care area's team.
  const people = DEMO_PEOPLE.map((p) => ({
    ...p,
    id: api.call('people.save', { name: p.name, role: p.role, unitId: nationalUnitId.get(p.area) ?? demoUnitId }).id,
  }));
  for (const a of areas) {
    api.call('caseLists.saveTreatmentOptions', { careAreaCode: a.code, options: a.treatments });
    const team = people.filter((p) => p.area === a.code || p.area === '*').map((p) => p.id);
    api.call('series.save', {
      careAreaCode: a.code,
      name: `Nationell MDK ${a.name}`,
      weekday: a.weekday,
      startTime: a.startTime,
      durationMinutes: a.durationMinutes,
      frequency: a.frequency,
      monthWeek: a.monthWeek,
      firstDate: start,
      deadlineWorkingDays: 2,
      deadlineTime: '12:00',
      holidayPolicy: 'next_working_day',
      chairUnitId: demoUnitId,
      location: 'Konferensrum Demo, plan 3',
      videoLink: 'https://video.example.invalid/demo-mdk',
      minutesPerCase: a.minutesPerCase,
      capacityCases: a.capacity,
      requiredRoles: ['chair', 'surgeon', 'oncologist', 'radiologist', 'pathologist'],
      participantIds: team,
    });
  }
  const meetings = db
    .prepare(
      "SELECT id, care_area_code area, local_date date, starts_at startsAt, deadline_at deadlineAt FROM meeting WHERE status = 'planned' ORDER BY starts_at",
    )
    .all() as { id: number; area: string; date: string; startsAt: string; deadlineAt: string | null }[];

  // One step for the preparations, one per day (both ends included), one for the lists to come.
  const total = daysBetween(start, today) + 3;
  let done = 1;
  yield { done, total };

  // Day by day: new referrals in the morning, follow-up tasks, then the day's meetings that have begun.
  const freshFrom = addDays(today, -2);
  for (let day = start; day <= today; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const n = weekday === 0 || weekday === 6 ? 0 : Math.round((DEMO_REFERRALS / 255) * (0.6 + rnd() * 0.8));
    setClock(c, at(day, '08:00'));
    for (let i = 0; i < n; i++) registerReferral(c, ++c.serial, pickArea(rnd, areas), day);
    // The last few days always hold new arrivals: some just received, some waiting for completion.
    if (day >= freshFrom) for (const kind of ['received', 'received', 'awaiting'] as const) registerFresh(c, ++c.serial, pickArea(rnd, areas), day, kind);
    setClock(c, at(day, '10:00'));
    for (const task of c.tasks.get(day) ?? []) task();
    c.tasks.delete(day);
    for (const m of meetings.filter((x) => x.date === day)) {
      if (Date.parse(m.startsAt) <= c.now.getTime())
        holdMeeting(
          c,
          m,
          people.filter((p) => p.area === m.area || p.area === '*'),
          areas.find((a) => a.code === m.area)!,
        );
    }
    yield { done: ++done, total };
  }
  prepareNextLists(c, meetings, areas);
  addFollowThroughDemo(db, api, today);
  addChecklistDemo(db, today);
  return { summary: { ...summarise(db), replacedWorkplace }, accesses: api.accesses };
}

function pickArea(rnd: Random, areas: DemoArea[]): DemoArea {
  let r = rnd() * areas.reduce((s, a) => s + a.share, 0);
  for (const a of areas) if ((r -= a.share) < 0) return a;
  return areas[0];
}

function referralFields(c: Ctx, area: DemoArea, day: string) {
  const { rnd } = c;
  return {
    careAreaCode: area.code,
    referringUnitId: pick(rnd, c.unitIds),
    referringPhysician: `Dr ${pick(rnd, FAMILY_NAMES)}`,
    referringPhone: '010-000 00 00',
    receivedDate: day,
    suspicionDate: addDays(day, -intBetween(rnd, 3, 30)),
    question: pick(rnd, area.questions),
    icd10: pick(rnd, area.icd10),
    diagnosisBasis: rnd() < 0.8 ? ('pad' as const) : ('clinical' as const),
    history: 'Fiktiv anamnes (demodata).',
    comorbidity: rnd() < 0.3 ? 'Hypertoni.' : 'Ingen känd.',
    ecog: intBetween(rnd, 0, 2),
    imagingAvailable: true,
    patientWishes: 'Vill bli behandlad nära hemmet.',
    patientInformed: true,
    priority: rnd() < 0.12 ? ('urgent' as const) : ('normal' as const),
  };
}

function demoPatient(c: Ctx, serial: number, area: DemoArea) {
  const female = area.sex === 'female' || (area.sex === 'any' && c.rnd() < 0.5);
  return {
    identifierKind: 'reservnummer' as const,
    identifier: `DEMO-${String(serial).padStart(5, '0')}`,
    issuerRegionCode: '14',
    familyName: pick(c.rnd, FAMILY_NAMES),
    givenName: pick(c.rnd, female ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE),
  };
}

function registerReferral(c: Ctx, serial: number, area: DemoArea, day: string) {
  const { api, rnd } = c;
  const patient = demoPatient(c, serial, area);
  const incomplete = rnd() < 0.12;
  const fields = referralFields(c, area, day);
  const { id } = api.call('referrals.create', { patient, referral: incomplete ? { ...fields, question: null, icd10: null } : fields });
  if (rnd() < 0.025)
    return later(c, addDays(day, intBetween(rnd, 1, 10)), () =>
      api.call('referrals.withdraw', { id, reason: 'Patienten avböjer nationell bedömning (demo).' }),
    );
  if (incomplete) {
    api.call('referrals.requestCompletion', { id });
    return later(c, addDays(day, intBetween(rnd, 4, 12)), () => {
      api.call('referrals.update', { id, referral: fields });
      api.call('referrals.markComplete', { id });
    });
  }
  later(c, addDays(day, intBetween(rnd, 0, 3)), () => api.call('referrals.markComplete', { id }));
}

/** A referral of the last few days that stays as it arrived: received, or waiting for completion. */
function registerFresh(c: Ctx, serial: number, area: DemoArea, day: string, kind: 'received' | 'awaiting') {
  const fields = referralFields(c, area, day);
  const { id } = c.api.call('referrals.create', {
    patient: demoPatient(c, serial, area),
    referral: kind === 'awaiting' ? { ...fields, question: null } : fields,
  });
  if (kind === 'awaiting') c.api.call('referrals.requestCompletion', { id });
}

type MeetingRef = { id: number; area: string; date: string; startsAt: string; deadlineAt: string | null };

/** Builds the list at the deadline, holds the meeting with attendance, records and finalises. */
function holdMeeting(c: Ctx, m: MeetingRef, team: { id: number }[], area: DemoArea) {
  const { api, rnd } = c;
  setClock(c, new Date(m.deadlineAt ?? `${addDays(m.date, -2)}T11:00:00.000Z`));
  const listed = fillList(c, m, area);
  if (listed === 0) return;
  api.call('caseLists.lock', { meetingId: m.id });
  setClock(c, new Date(m.startsAt));
  for (const p of team)
    api.call('meetings.setAttendance', { meetingId: m.id, personId: p.id, attendance: rnd() < 0.85 ? 'present' : rnd() < 0.6 ? 'remote' : 'absent' });
  const list = api.call('caseLists.get', { meetingId: m.id });
  for (const item of list.items) {
    setClock(c, new Date(Date.parse(m.startsAt) + (item.position ?? 1) * 5 * 60_000));
    if (item.outcome !== 'pending') continue;
    if (rnd() < 0.05) {
      api.call('recommendations.postpone', { meetingId: m.id, referralId: item.referralId });
      continue;
    }
    const curative = rnd() < 0.75;
    api.call('recommendations.record', {
      meetingId: m.id,
      referralId: item.referralId,
      intent: curative ? 'curative' : 'palliative',
      treatments: [pick(rnd, area.treatments)],
      nextStep: curative ? 'Remiss till nationell enhet för behandling.' : 'Återremiss till hemortssjukhus.',
      placeOfTreatment: curative ? 'Nationell enhet (demo)' : 'Hemortssjukhus',
      responsibleUnitId: c.nationalUnitId.get(area.code)!,
    });
    afterDiscussion(c, item.referralId, m.date, curative, area);
  }
  setClock(c, new Date(Date.parse(m.startsAt) + 2 * 3600_000));
  // Without quorum the chair finalises anyway, with a reason: the record and the replies say so.
  const quorate = api.call('caseLists.get', { meetingId: m.id }).quorum.met;
  api.call('caseLists.finalise', {
    meetingId: m.id,
    withoutQuorum: quorate ? undefined : { reason: 'Beslut kunde inte skjutas upp; frånvarande specialist konsulteras efter mötet (demo).' },
  });
}

/** Adds complete referrals of the care area, oldest first, up to the meeting's capacity. */
function fillList(c: Ctx, m: MeetingRef, area: DemoArea): number {
  const proposal = c.api.call('caseLists.proposal', { meetingId: m.id });
  const ids = proposal.fits.map((x) => x.referralId).slice(0, area.capacity);
  if (ids.length) c.api.call('caseLists.add', { meetingId: m.id, referralIds: ids, byHand: false });
  return ids.length;
}

/** After the meeting: most curative cases get a care plan; old cases are closed. */
function afterDiscussion(c: Ctx, referralId: number, date: string, curative: boolean, area: DemoArea) {
  const { api, rnd } = c;
  if (curative && rnd() < 0.55) {
    later(c, addDays(date, intBetween(c.rnd, 5, 20)), () => {
      const { id } = api.call('carePlans.create', { referralId });
      const discharge = addDays(date, intBetween(rnd, 20, 45));
      const plan = api.call('carePlans.get', { id });
      api.call('carePlans.save', {
        id,
        nationalUnitId: c.nationalUnitId.get(area.code)!,
        contactNurse: 'Ksk Demo Demosdotter',
        contactNursePhone: '010-000 00 01',
        responsiblePhysician: 'Överläkare Demo Demosson',
        diagnosisCode: plan.diagnosisCode,
        diagnosisPlain: null,
        treatmentSummary: plan.treatmentSummary ?? 'Behandling enligt MDK-rekommendation.',
        dischargeDate: discharge,
        ...texts(plan),
        followUps: [
          {
            what: 'Återbesök med DT thorax/buk',
            intervalValue: 3,
            intervalUnit: 'months',
            place: 'home_region',
            responsible: 'Hemortssjukhusets kontaktsjuksköterska',
          },
        ],
      });
      if (rnd() < 0.2) return; // stays a draft
      later(c, discharge, () => {
        api.call('carePlans.finalise', { id });
        const sent = addDays(discharge, 1);
        later(c, sent, () => {
          api.call('carePlans.sendHandover', {
            carePlanId: id,
            receivingUnitId: pick(rnd, c.unitIds),
            receivingContactNurse: 'Ksk Hemort Demo',
            sentDate: sent,
          });
          const confirm = addDays(sent, intBetween(rnd, 1, 14));
          later(c, confirm, () => api.call('carePlans.confirmHandover', { carePlanId: id, confirmedDate: confirm, confirmedBy: 'Ksk Hemort Demo' }));
        });
      });
    });
  }
  later(c, addDays(date, intBetween(rnd, 30, 90)), () => {
    const status = api.call('referrals.get', { id: referralId }).status;
    if (status === 'discussed') api.call('referrals.close', { id: referralId, note: 'Avslutad efter MDK (demo).' });
  });
}

/** The template's texts, with a demo line where the template has none. */
function texts(plan: CarePlanTexts): CarePlanTexts {
  return Object.fromEntries(TEXT_KEYS.map((k) => [k, plan[k] || 'Fiktiv text (demodata).'])) as unknown as CarePlanTexts;
}

/**
 * Every series' next meeting (the first not yet begun) gets its list from the proposal; lists whose
 * registration deadline has passed are locked, as is the first of them, so the week ahead looks real.
 */
function prepareNextLists(c: Ctx, meetings: MeetingRef[], areas: DemoArea[]) {
  setClock(c, c.now);
  let locked = false;
  for (const a of areas) {
    const next = meetings.find((m) => m.area === a.code && Date.parse(m.startsAt) > c.now.getTime());
    if (!next) continue;
    let n = fillList(c, next, a);
    if (n === 0) {
      // Nothing complete came in since the last list: a referral completed just now, received by the deadline.
      const deadline = next.deadlineAt ? stockholmToday(new Date(next.deadlineAt)) : c.today;
      const received = [addDays(c.today, -1), deadline].sort()[0];
      const { id } = c.api.call('referrals.create', { patient: demoPatient(c, ++c.serial, a), referral: referralFields(c, a, received) });
      c.api.call('referrals.markComplete', { id });
      n = fillList(c, next, a);
    }
    const deadlinePassed = next.deadlineAt !== null && Date.parse(next.deadlineAt) <= c.now.getTime();
    if (n > 0 && (!locked || deadlinePassed)) {
      c.api.call('caseLists.lock', { meetingId: next.id });
      locked = true;
    }
  }
}

function summarise(db: Db): Omit<DemoSummary, 'replacedWorkplace'> {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const rows = db.prepare('SELECT status, count(*) n FROM referral GROUP BY status').all() as { status: string; n: number }[];
  return {
    referrals: count('SELECT count(*) FROM referral'),
    meetings: count('SELECT count(*) FROM meeting'),
    carePlans: count('SELECT count(*) FROM care_plan'),
    handovers: count('SELECT count(*) FROM care_plan_handover'),
    byStatus: Object.fromEntries(rows.map((r) => [r.status, r.n])),
  };
}
