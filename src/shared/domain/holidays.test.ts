import { describe, expect, it } from 'vitest';
import { holidayOn, isWorkingDay, nextWorkingDay, swedishHolidays, workingDaysBefore } from './holidays';

/**
 * The published Swedish calendar (almanackan) 2024–2035, typed from the calendar, not computed:
 * långfredagen, påskdagen, annandag påsk, Kristi himmelsfärdsdag, pingstdagen,
 * midsommarafton, midsommardagen, alla helgons dag (MM-DD).
 */
const PUBLISHED: Record<number, [string, string, string, string, string, string, string, string]> = {
  2024: ['03-29', '03-31', '04-01', '05-09', '05-19', '06-21', '06-22', '11-02'],
  2025: ['04-18', '04-20', '04-21', '05-29', '06-08', '06-20', '06-21', '11-01'],
  2026: ['04-03', '04-05', '04-06', '05-14', '05-24', '06-19', '06-20', '10-31'],
  2027: ['03-26', '03-28', '03-29', '05-06', '05-16', '06-25', '06-26', '11-06'],
  2028: ['04-14', '04-16', '04-17', '05-25', '06-04', '06-23', '06-24', '11-04'],
  2029: ['03-30', '04-01', '04-02', '05-10', '05-20', '06-22', '06-23', '11-03'],
  2030: ['04-19', '04-21', '04-22', '05-30', '06-09', '06-21', '06-22', '11-02'],
  2031: ['04-11', '04-13', '04-14', '05-22', '06-01', '06-20', '06-21', '11-01'],
  2032: ['03-26', '03-28', '03-29', '05-06', '05-16', '06-25', '06-26', '11-06'],
  2033: ['04-15', '04-17', '04-18', '05-26', '06-05', '06-24', '06-25', '11-05'],
  2034: ['04-07', '04-09', '04-10', '05-18', '05-28', '06-23', '06-24', '11-04'],
  2035: ['03-23', '03-25', '03-26', '05-03', '05-13', '06-22', '06-23', '11-03'],
};
const MOVABLE = ['Långfredagen', 'Påskdagen', 'Annandag påsk', 'Kristi himmelsfärdsdag', 'Pingstdagen', 'Midsommarafton', 'Midsommardagen', 'Alla helgons dag'];
const FIXED: [string, string][] = [
  ['01-01', 'Nyårsdagen'],
  ['01-06', 'Trettondedag jul'],
  ['05-01', 'Första maj'],
  ['06-06', 'Sveriges nationaldag'],
  ['12-24', 'Julafton'],
  ['12-25', 'Juldagen'],
  ['12-26', 'Annandag jul'],
  ['12-31', 'Nyårsafton'],
];

describe('Swedish holidays 2024–2035', () => {
  for (const [yearText, dates] of Object.entries(PUBLISHED)) {
    const year = Number(yearText);
    it(`matches the published calendar for ${year}`, () => {
      const byName = new Map(swedishHolidays(year).map((h) => [h.nameSv, h.date]));
      MOVABLE.forEach((name, i) => expect(byName.get(name), name).toBe(`${year}-${dates[i]}`));
      for (const [md, name] of FIXED) expect(byName.get(name), name).toBe(`${year}-${md}`);
      // 13 public holidays + 3 de facto days off, nothing else
      expect(swedishHolidays(year)).toHaveLength(16);
      expect(
        swedishHolidays(year)
          .filter((h) => h.kind === 'de_facto')
          .map((h) => h.nameSv),
      ).toEqual(['Midsommarafton', 'Julafton', 'Nyårsafton']);
    });
  }
});

describe('working days', () => {
  it('knows weekends, holidays and de facto days off', () => {
    expect(isWorkingDay('2026-11-23')).toBe(true); // Monday
    expect(isWorkingDay('2026-11-21')).toBe(false); // Saturday
    expect(isWorkingDay('2026-05-14')).toBe(false); // Ascension Thursday
    expect(isWorkingDay('2026-06-19')).toBe(false); // midsommarafton
    expect(holidayOn('2026-06-19')?.kind).toBe('de_facto');
  });
  it('finds the next working day over Easter and Christmas', () => {
    expect(nextWorkingDay('2026-04-02')).toBe('2026-04-07'); // Thursday → past Good Friday … Easter Monday
    expect(nextWorkingDay('2026-12-23')).toBe('2026-12-28');
  });
  it('counts working days back for deadlines', () => {
    expect(workingDaysBefore('2026-04-07', 2)).toBe('2026-04-01'); // Tuesday after Easter → Wednesday before
    expect(workingDaysBefore('2026-11-26', 2)).toBe('2026-11-24');
    expect(workingDaysBefore('2026-11-28', 0)).toBe('2026-11-27');
  });
});
