/**
 * RCC's national checklist for nMDK (checklista för nationell MDK): before, during and after the
 * meeting. Some items follow from data the app already keeps (the referral's completeness, attendance
 * against the required roles, the recommendation's wishes and trial, the reply); the others a user
 * ticks (images available, patient informed, patient told: by whom and when). Pure: services, UI, tests.
 */
import type { WishesConsidered } from './follow-through';
import { workingDaysAfter, workingDaysBefore } from './holidays';

export const CHECKLIST_PHASES = ['before', 'during', 'after'] as const;
export type ChecklistPhase = (typeof CHECKLIST_PHASES)[number];

/** Every item, in the checklist's order; labels under `checklist.item.<id>`. */
export const CHECKLIST_ITEMS = [
  'referral_complete', // anmälan komplett
  'images_available', // bilder och patologi tillgängliga för deltagarna
  'patient_informed', // patienten informerad om anmälan
  'specialties_present', // de specialiteter som krävs närvarande
  'patient_perspective', // patientens perspektiv diskuterat
  'trial_considered', // studie övervägd
  'reply_sent', // svar skickat inom N arbetsdagar
  'patient_told', // patienten har fått rekommendationen: av vem och när
] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export const ITEM_PHASE: Record<ChecklistItem, ChecklistPhase> = {
  referral_complete: 'before',
  images_available: 'before',
  patient_informed: 'before',
  specialties_present: 'during',
  patient_perspective: 'during',
  trial_considered: 'during',
  reply_sent: 'after',
  patient_told: 'after',
};

/** Items a user ticks; the rest are derived. */
export const TICKED_ITEMS = ['images_available', 'patient_informed', 'patient_told'] as const;
export type TickedItem = (typeof TICKED_ITEMS)[number];
export const isTicked = (item: ChecklistItem): item is TickedItem => (TICKED_ITEMS as readonly string[]).includes(item);

/** A care area's checklist: the items that apply and the deadlines, in working days (Swedish holidays off). */
export interface ChecklistRules {
  items: ChecklistItem[];
  /** The "before" items are due this many working days before the meeting. */
  beforeWorkingDays: number;
  /** The reply goes home within this many working days after the meeting. */
  replyWorkingDays: number;
  /** The patient is told the recommendation within this many working days after the meeting. */
  patientToldWorkingDays: number;
}

export interface ChecklistTick {
  item: TickedItem;
  /** Who told the patient (patient_told only). */
  doneBy: string | null;
  /** When the patient was told (patient_told only). */
  doneOn: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** What a case's checklist is judged on. */
export interface ChecklistFacts {
  meetingDate: string;
  meetingStatus: 'planned' | 'cancelled' | 'finalised';
  outcome: 'pending' | 'discussed' | 'postponed';
  /** Required referral fields without an answer (the care area's completeness rules). */
  missingFields: readonly string[];
  /** The referral itself says the patient has been informed. */
  referralSaysInformed: boolean;
  /** Required roles nobody attended (present or remote). */
  missingRoles: readonly string[];
  wishesConsidered: WishesConsidered | null;
  trialConsidered: boolean | null;
  /** Stockholm date the reply went home (the meeting's finalisation); null before. */
  repliedOn: string | null;
  ticks: readonly ChecklistTick[];
}

/**
 * done: fulfilled (in time, where the item has a deadline); late: fulfilled after its deadline;
 * open: not yet fulfilled, deadline not passed; overdue: not fulfilled and past its deadline;
 * not_yet: does not apply yet (a "during" or "after" item of a case not yet discussed).
 */
export type ChecklistState = 'done' | 'late' | 'open' | 'overdue' | 'not_yet';

export interface ChecklistEntry {
  item: ChecklistItem;
  phase: ChecklistPhase;
  state: ChecklistState;
  /** The date the item is due, where it has one. */
  due: string | null;
  /** What is missing (field names, roles), for items derived from other data. */
  detail: string[];
  /** How it was fulfilled: ticked (with who and when), or the referral's own statement. */
  tick: ChecklistTick | null;
  byReferral: boolean;
}

export const isMissing = (e: ChecklistEntry) => e.state === 'open' || e.state === 'overdue';
/** The "before" items still open: the agenda marks the case. */
export const openBefore = (entries: readonly ChecklistEntry[]) => entries.filter((e) => e.phase === 'before' && isMissing(e));
/** Every item of a discussed case fulfilled in time: what the completion figure counts. */
export const isComplete = (entries: readonly ChecklistEntry[]) => entries.every((e) => e.state === 'done');

const WISHES_RECORDED: readonly (WishesConsidered | null)[] = ['yes', 'partly', 'no'];

/** The case's checklist as it stands on `today` (a Stockholm date). */
export function evaluateChecklist(rules: ChecklistRules, f: ChecklistFacts, today: string): ChecklistEntry[] {
  const beforeDue = workingDaysBefore(f.meetingDate, rules.beforeWorkingDays);
  const discussed = f.outcome === 'discussed';
  const tickOf = (item: TickedItem) => f.ticks.find((t) => t.item === item) ?? null;
  const byDeadline = (done: boolean, due: string | null): ChecklistState => (done ? 'done' : due !== null && today > due ? 'overdue' : 'open');
  /** An item done on a date, with a deadline: late when the date is after it. */
  const dated = (on: string | null, due: string): ChecklistState => (on === null ? byDeadline(false, due) : on > due ? 'late' : 'done');

  return CHECKLIST_ITEMS.filter((item) => rules.items.includes(item)).map((item): ChecklistEntry => {
    const base = { item, phase: ITEM_PHASE[item], due: null as string | null, detail: [] as string[], tick: null as ChecklistTick | null, byReferral: false };
    switch (item) {
      case 'referral_complete':
        return { ...base, due: beforeDue, detail: [...f.missingFields], state: byDeadline(f.missingFields.length === 0, beforeDue) };
      case 'images_available': {
        const tick = tickOf(item);
        return { ...base, due: beforeDue, tick, state: byDeadline(tick !== null, beforeDue) };
      }
      case 'patient_informed': {
        const tick = tickOf(item);
        return { ...base, due: beforeDue, tick, byReferral: f.referralSaysInformed, state: byDeadline(tick !== null || f.referralSaysInformed, beforeDue) };
      }
      case 'specialties_present':
        return { ...base, detail: [...f.missingRoles], state: !discussed ? 'not_yet' : f.missingRoles.length === 0 ? 'done' : 'open' };
      case 'patient_perspective':
        return { ...base, state: !discussed ? 'not_yet' : WISHES_RECORDED.includes(f.wishesConsidered) ? 'done' : 'open' };
      case 'trial_considered':
        return { ...base, state: !discussed ? 'not_yet' : f.trialConsidered === true ? 'done' : 'open' };
      case 'reply_sent': {
        const due = workingDaysAfter(f.meetingDate, rules.replyWorkingDays);
        return { ...base, due, state: !discussed ? 'not_yet' : dated(f.repliedOn, due) };
      }
      case 'patient_told': {
        const due = workingDaysAfter(f.meetingDate, rules.patientToldWorkingDays);
        const tick = tickOf(item);
        return { ...base, due, tick, state: !discussed ? 'not_yet' : dated(tick?.doneOn ?? null, due) };
      }
    }
  });
}
