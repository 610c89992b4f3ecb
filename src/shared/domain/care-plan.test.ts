import { describe, expect, it } from 'vitest';
import { displayIdentifier, followUpDate, handoverState, identifierSystem } from './care-plan';

describe('care plan rules', () => {
  it('a follow-up date is its own date, or discharge + interval (month ends clamped)', () => {
    expect(followUpDate({ dueDate: '2027-03-01', intervalValue: null, intervalUnit: null }, '2026-11-20')).toBe('2027-03-01');
    expect(followUpDate({ dueDate: null, intervalValue: 2, intervalUnit: 'weeks' }, '2026-12-24')).toBe('2027-01-07');
    expect(followUpDate({ dueDate: null, intervalValue: 10, intervalUnit: 'days' }, '2026-02-25')).toBe('2026-03-07');
    expect(followUpDate({ dueDate: null, intervalValue: 1, intervalUnit: 'months' }, '2027-01-31')).toBe('2027-02-28');
    expect(followUpDate({ dueDate: null, intervalValue: 1, intervalUnit: 'months' }, '2028-01-31')).toBe('2028-02-29');
    expect(followUpDate({ dueDate: null, intervalValue: 3, intervalUnit: 'months' }, null)).toBeNull();
  });

  it('the national unit is responsible while the handover is pending; overdue after the limit', () => {
    expect(handoverState({ status: 'pending', sentDate: '2026-11-01' }, '2026-11-08', 7)).toEqual({
      nationalUnitResponsible: true,
      daysPending: 7,
      overdue: false,
    });
    expect(handoverState({ status: 'pending', sentDate: '2026-11-01' }, '2026-11-09', 7).overdue).toBe(true);
    expect(handoverState({ status: 'confirmed', sentDate: '2026-11-01' }, '2026-12-01', 7)).toEqual({
      nationalUnitResponsible: false,
      daysPending: 0,
      overdue: false,
    });
  });

  it('uses the HL7 Sweden identifier systems, and a region OID for reservnummer where known', () => {
    expect(identifierSystem('personnummer', null)).toBe('http://electronichealth.se/identifier/personnummer');
    expect(identifierSystem('samordningsnummer', null)).toBe('http://electronichealth.se/identifier/samordningsnummer');
    expect(identifierSystem('reservnummer', '01')).toBe('urn:oid:1.2.752.97.3.1.3');
    expect(identifierSystem('reservnummer', '14')).toBe('urn:oid:1.2.752.113.11.0.2.1.1.1');
    expect(identifierSystem('reservnummer', '12')).toBeNull();
  });

  it('shows 12-digit numbers with the hyphen, reservnummer as given', () => {
    expect(displayIdentifier('194612019882')).toBe('19461201-9882');
    expect(displayIdentifier('99-RES-123')).toBe('99-RES-123');
  });
});
