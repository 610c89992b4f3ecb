import { describe, expect, it } from 'vitest';
import { canFollow, daysBetween, isEuCtNumber, trialIssues } from './follow-through';

describe('EU CT number (CTIS)', () => {
  it('accepts YYYY-NNNNNN-NN-NN from 2022 on', () => {
    expect(isEuCtNumber('2023-503456-12-00')).toBe(true);
    expect(isEuCtNumber(' 2022-500014-26-00 ')).toBe(true);
  });
  it('refuses other shapes, EudraCT numbers and years before CTIS', () => {
    for (const bad of [
      '2023-50345-12-00',
      '2023-503456-12',
      '2023-503456-1-00',
      '23-503456-12-00',
      '2021-503456-12-00',
      '2023/503456/12/00',
      'NCT01234567',
      '2023-5034a6-12-00',
      '',
    ])
      expect(isEuCtNumber(bad), bad).toBe(false);
  });
});

describe('trial consideration', () => {
  const none = { considered: null, name: null, euCtNumber: null, notEligibleReason: null };
  it('considered needs the trial (name and number) or the reason the patient is not eligible', () => {
    expect(trialIssues({ ...none, considered: true })).toEqual([['name', 'trial.nameOrReason']]);
    expect(trialIssues({ ...none, considered: true, name: 'SARC-X' })).toEqual([['name', 'trial.nameOrReason']]);
    expect(trialIssues({ ...none, considered: true, name: 'SARC-X', euCtNumber: '2023-503456-12-00' })).toEqual([]);
    expect(trialIssues({ ...none, considered: true, notEligibleReason: 'ECOG 3' })).toEqual([]);
  });
  it('a malformed number is refused; details without "considered" are refused', () => {
    expect(trialIssues({ ...none, considered: true, name: 'X', euCtNumber: '2023-1-1-1' })).toContainEqual(['euCtNumber', 'trial.euCtFormat']);
    expect(trialIssues({ ...none, considered: false, name: 'X' })).toEqual([['considered', 'trial.notConsidered']]);
    expect(trialIssues({ ...none, considered: false })).toEqual([]);
  });
});

describe('implementation status', () => {
  it('moves awaiting → started → carried out, or to deviated; carried out and deviated are final', () => {
    expect(canFollow(null, 'awaiting')).toBe(true);
    expect(canFollow('awaiting', 'started')).toBe(true);
    expect(canFollow('started', 'carried_out')).toBe(true);
    expect(canFollow('started', 'deviated')).toBe(true);
    expect(canFollow('started', 'awaiting')).toBe(false);
    expect(canFollow('carried_out', 'deviated')).toBe(false);
    expect(canFollow('deviated', 'started')).toBe(false);
  });
  it('counts calendar days', () => {
    expect(daysBetween('2026-03-28', '2026-04-02')).toBe(5);
  });
});
