import { describe, expect, it } from 'vitest';
import { dateIssue, normaliseDate, normaliseTime, timeIssue } from './date-text';

describe('dates and times typed the Swedish way', () => {
  it('tidies what people type into ÅÅÅÅ-MM-DD and HH:MM', () => {
    expect(normaliseDate('20270115')).toBe('2027-01-15');
    expect(normaliseDate(' 2027-1-5 ')).toBe('2027-01-05');
    expect(normaliseDate('2027.01.05')).toBe('2027-01-05');
    expect(normaliseDate('01/05/2027')).toBe('01/05/2027'); // not guessed: the field says how to write it
    expect(normaliseTime('9')).toBe('09:00');
    expect(normaliseTime('0905')).toBe('09:05');
    expect(normaliseTime('14.30')).toBe('14:30');
    expect(normaliseTime('2:00 PM')).toBe('2:00 PM');
  });

  it('names what is wrong', () => {
    expect(dateIssue('2027-01-15')).toBeNull();
    expect(dateIssue('2027-02-30')).toBe('validation.dateNotExist');
    expect(dateIssue('01/15/2027')).toBe('validation.dateFormat');
    expect(timeIssue('23:59')).toBeNull();
    expect(timeIssue('24:00')).toBe('series.timeFormat');
    expect(timeIssue('2:00 PM')).toBe('series.timeFormat');
  });
});
