import { describe, expect, it } from 'vitest';
import { evaluateChecklist, isComplete, openBefore, type ChecklistFacts, type ChecklistRules } from './checklist';
import { workingDaysAfter } from './holidays';

const rules: ChecklistRules = {
  items: [
    'referral_complete',
    'images_available',
    'patient_informed',
    'specialties_present',
    'patient_perspective',
    'trial_considered',
    'reply_sent',
    'patient_told',
  ],
  beforeWorkingDays: 2,
  replyWorkingDays: 2,
  patientToldWorkingDays: 5,
};
const tick = (item: 'images_available' | 'patient_informed' | 'patient_told', doneOn: string | null = null) => ({
  item,
  doneBy: doneOn ? 'Eva' : null,
  doneOn,
  recordedBy: 'Koordinator',
  recordedAt: '2026-11-01T08:00:00.000Z',
});
// A Friday meeting (2026-11-06) with everything in order, unless a test says otherwise.
const facts = (over: Partial<ChecklistFacts> = {}): ChecklistFacts => ({
  meetingDate: '2026-11-06',
  meetingStatus: 'finalised',
  outcome: 'discussed',
  missingFields: [],
  referralSaysInformed: true,
  missingRoles: [],
  wishesConsidered: 'yes',
  trialConsidered: true,
  repliedOn: '2026-11-06',
  ticks: [tick('images_available'), tick('patient_told', '2026-11-10')],
  ...over,
});

describe('the nMDK checklist of a case', () => {
  it('is complete when every item is done in time', () => {
    const entries = evaluateChecklist(rules, facts(), '2026-11-20');
    expect(entries.map((e) => e.state)).toEqual(Array(8).fill('done'));
    expect(isComplete(entries)).toBe(true);
  });

  it('dates the deadlines in working days: before items two working days before, the reply and the patient told after', () => {
    const e = evaluateChecklist(rules, facts(), '2026-11-20');
    expect(e.find((x) => x.item === 'images_available')?.due).toBe('2026-11-04');
    expect(e.find((x) => x.item === 'reply_sent')?.due).toBe('2026-11-10');
    expect(e.find((x) => x.item === 'patient_told')?.due).toBe('2026-11-13');
    // Over Easter 2027: the meeting on Thursday 25 March; Good Friday and Easter Monday are not working days.
    const easter = evaluateChecklist(rules, facts({ meetingDate: '2027-03-25', repliedOn: null, ticks: [] }), '2027-03-25');
    expect(easter.find((x) => x.item === 'reply_sent')?.due).toBe('2027-03-31');
    expect(workingDaysAfter('2027-03-25', 2)).toBe('2027-03-31');
    expect(workingDaysAfter('2027-03-27', 0)).toBe('2027-03-30');
  });

  it('marks open before items, overdue after their date; a tick or the referral fulfils "patient informed"', () => {
    const f = facts({ outcome: 'pending', meetingStatus: 'planned', repliedOn: null, missingFields: ['history'], referralSaysInformed: false, ticks: [] });
    expect(openBefore(evaluateChecklist(rules, f, '2026-11-04')).map((e) => [e.item, e.state])).toEqual([
      ['referral_complete', 'open'],
      ['images_available', 'open'],
      ['patient_informed', 'open'],
    ]);
    expect(
      evaluateChecklist(rules, f, '2026-11-05')
        .slice(0, 3)
        .map((e) => e.state),
    ).toEqual(['overdue', 'overdue', 'overdue']);
    expect(evaluateChecklist(rules, { ...f, ticks: [tick('patient_informed')] }, '2026-11-05')[2].state).toBe('done');
    // During and after items do not apply before the case is discussed.
    expect(
      evaluateChecklist(rules, f, '2026-11-05')
        .slice(3)
        .map((e) => e.state),
    ).toEqual(Array(5).fill('not_yet'));
  });

  it('judges during items from attendance and the recommendation, and after items by their deadlines', () => {
    const e = evaluateChecklist(
      rules,
      facts({
        missingRoles: ['pathologist'],
        wishesConsidered: 'not_known',
        trialConsidered: false,
        repliedOn: '2026-11-11',
        ticks: [tick('images_available'), tick('patient_told', '2026-11-16')],
      }),
      '2026-11-20',
    );
    expect(e.slice(3).map((x) => [x.item, x.state])).toEqual([
      ['specialties_present', 'open'],
      ['patient_perspective', 'open'],
      ['trial_considered', 'open'],
      ['reply_sent', 'late'],
      ['patient_told', 'late'],
    ]);
    expect(e[3].detail).toEqual(['pathologist']);
    expect(isComplete(e)).toBe(false);
    // Not told yet: open until the deadline, overdue after it.
    const notTold = facts({ ticks: [tick('images_available')] });
    expect(evaluateChecklist(rules, notTold, '2026-11-13').at(-1)?.state).toBe('open');
    expect(evaluateChecklist(rules, notTold, '2026-11-16').at(-1)?.state).toBe('overdue');
  });

  it('applies only the items the care area keeps', () => {
    const e = evaluateChecklist({ ...rules, items: ['reply_sent', 'referral_complete'] }, facts(), '2026-11-20');
    expect(e.map((x) => x.item)).toEqual(['referral_complete', 'reply_sent']);
  });
});
