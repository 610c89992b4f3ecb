import { z } from 'zod';
import { defineMethod } from '../contract';
import { SHARED_SETTINGS_ROLES } from '../settings-roles';
import { codeText, id, isoDate, optionalText } from '../limits';
import { CHECKLIST_ITEMS, TICKED_ITEMS, type ChecklistEntry, type ChecklistItem, type ChecklistRules } from '../../domain/checklist';

/** Everyone who prepares and follows up the cases ticks the checklist. */
const TICKERS = ['administrator', 'coordinator', 'contact_nurse', 'physician'] as const;

const workingDays = () =>
  z
    .number({ message: 'checklist.daysRange' })
    .int({ message: 'checklist.daysRange' })
    .min(0, { message: 'checklist.daysRange' })
    .max(60, { message: 'checklist.daysRange' });

/** A meeting's checklist in one view: the cases with items missing, by item. */
export interface MeetingChecklist {
  rules: ChecklistRules;
  /** Cases whose "before" items are still open (the agenda marks them). */
  casesBeforeOpen: number;
  /** Per item, the cases where it is missing (open or overdue). */
  missing: { item: ChecklistEntry['item']; count: number }[];
}

/** A referral's checklist at one meeting whose case list it is on (the referral's own page shows each). */
export interface ReferralChecklist {
  meetingId: number;
  meetingDate: string;
  outcome: 'pending' | 'discussed' | 'postponed';
  entries: ChecklistEntry[];
}

/** Checklist completion of a care area and period (a follow-up figure). */
export interface ChecklistFigures {
  /** Discussed cases (current recommendation) at the care area's finalised meetings in the period. */
  cases: number;
  /** Cases with every item of the care area's checklist done in time. */
  complete: number;
  share: number | null;
  /** Per item that applies: cases where it was done in time. */
  items: { item: ChecklistItem; done: number; share: number | null }[];
}

export const checklistMethods = {
  /** Ticks (done: true) or clears an item a user keeps; answers the case's checklist as it now stands. */
  'checklist.tick': defineMethod({
    input: z.object({
      meetingId: id(),
      referralId: id(),
      item: z.enum(TICKED_ITEMS, { message: 'checklist.unknownItem' }),
      done: z.boolean(),
      /** patient_told: who told the patient, and when. */
      doneBy: optionalText(),
      doneOn: isoDate()
        .nullish()
        .transform((v) => v ?? null),
    }),
    roles: TICKERS,
    patientData: 'change',
  }).returns<{ entries: ChecklistEntry[] }>(),
  'checklist.rules': defineMethod({ input: z.object({}), roles: 'any', patientData: 'none' }).returns<{
    defaults: ChecklistRules;
    careAreas: Record<string, ChecklistRules>;
  }>(),
  'checklist.saveRules': defineMethod({
    input: z.object({
      careAreaCode: codeText(),
      items: z.array(z.enum(CHECKLIST_ITEMS, { message: 'checklist.unknownItem' })).max(CHECKLIST_ITEMS.length),
      beforeWorkingDays: workingDays(),
      replyWorkingDays: workingDays(),
      patientToldWorkingDays: workingDays(),
    }),
    roles: SHARED_SETTINGS_ROLES,
    patientData: 'none',
  }).returns<ChecklistRules>(),
};
