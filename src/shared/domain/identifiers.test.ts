import { describe, expect, it } from 'vitest';
import Personnummer from 'personnummer';
import { ageOn, formatIdentifier, normaliseSearch, parseIdentifier } from './identifiers';

const ref = '2026-11-23';
const parse = (s: string, reference = ref) => parseIdentifier(s, { reference });
const value = (s: string, reference = ref) => {
  const r = parse(s, reference);
  if (!r.ok) throw new Error(r.messageKey);
  return r.identifier;
};

describe('personnummer', () => {
  it('accepts 12 and 10 digits, with "-" or no separator, normalised to 12 digits', () => {
    for (const s of ['19121212-1212', '191212121212', '121212+1212', ' 19121212-1212 ']) expect(value(s).value).toBe('191212121212');
    expect(value('811228-9874').value).toBe('198112289874');
    expect(value('8112289874').value).toBe('198112289874');
  });

  it('refuses a space as separator, as the personnummer package does, and agrees with it on every form', () => {
    for (const s of ['19090527 1474', '090527 1474', '1909 05271474', '19090527\t1474', '19090527 - 1474']) {
      expect(Personnummer.valid(s), s).toBe(false);
      expect(parse(s), s).toEqual({ ok: false, messageKey: 'identifier.format' });
    }
    for (const s of [
      '19090527-1474',
      '190905271474',
      '090527-1474',
      '0905271474',
      '090527+1474',
      '19090527+1474',
      '19090527-1475',
      '090527_1474',
      '19090527--1474',
    ]) {
      expect(parse(s).ok, s).toBe(Personnummer.valid(s));
    }
  });

  it('computes the century from the reference date; "+" means 100 years or older', () => {
    expect(value('121212-1212').birthDate).toBe('2012-12-12');
    expect(value('121212+1212').birthDate).toBe('1912-12-12');
    // Born 26 December: on 23 November 2026 that day of 2026 has not come, so it is 1926.
    expect(value('261226-1236', '2026-11-23').birthDate).toBe('1926-12-26');
    expect(value('261226-1236', '2026-12-30').birthDate).toBe('2026-12-26');
  });

  it('derives birth date, sex (ninth digit odd = man) and age', () => {
    const man = value('19121212-1212');
    expect(man).toMatchObject({ system: 'personnummer', birthDate: '1912-12-12', sex: 'male', isTemporary: false });
    expect(value('20170110-2384').sex).toBe('female');
    expect(ageOn('1912-12-12', ref)).toBe(113);
    expect(ageOn('2012-11-23', ref)).toBe(14);
    expect(ageOn('2012-11-24', ref)).toBe(13);
  });

  it('says what is wrong, as an i18n key', () => {
    expect(parse('19121212-1213')).toEqual({ ok: false, messageKey: 'identifier.checkDigit' });
    expect(parse('19121312-1212')).toEqual({ ok: false, messageKey: 'identifier.dateNotExist' });
    expect(parse('20230229-1234')).toEqual({ ok: false, messageKey: 'identifier.dateNotExist' });
    expect(parse('20991212-1212')).toEqual({ ok: false, messageKey: 'identifier.future' });
    expect(parse('1212-1212')).toEqual({ ok: false, messageKey: 'identifier.format' });
    expect(parse('abc')).toEqual({ ok: false, messageKey: 'identifier.format' });
    expect(parse('')).toEqual({ ok: false, messageKey: 'validation.required' });
  });
});

describe('samordningsnummer', () => {
  it('is recognised by day + 60, and the birth date is the real day', () => {
    const s = value('701063-2391');
    expect(s).toMatchObject({ system: 'samordningsnummer', value: '197010632391', birthDate: '1970-10-03', sex: 'male' });
    expect(value('197010632391').system).toBe('samordningsnummer');
  });
  it('rejects a day that does not exist after subtracting 60', () => {
    expect(parse('701092-2391')).toEqual({ ok: false, messageKey: 'identifier.dateNotExist' });
  });
});

describe('reservnummer', () => {
  it('is stored as given with the issuing region, marked temporary', () => {
    const r = parseIdentifier(' r123-45 ', { kind: 'reservnummer', issuerRegionCode: '01', reference: ref });
    expect(r).toEqual({
      ok: true,
      identifier: { system: 'reservnummer', value: 'R123-45', issuerRegionCode: '01', isTemporary: true, birthDate: null, sex: null },
    });
  });
  it('needs the issuing region and a sane form', () => {
    expect(parseIdentifier('R1', { kind: 'reservnummer', reference: ref })).toEqual({ ok: false, messageKey: 'identifier.reservnummerRegion' });
    expect(parseIdentifier('R1;DROP', { kind: 'reservnummer', issuerRegionCode: '01', reference: ref })).toEqual({
      ok: false,
      messageKey: 'identifier.reservnummerFormat',
    });
    expect(parseIdentifier('X'.repeat(31), { kind: 'reservnummer', issuerRegionCode: '01', reference: ref })).toEqual({
      ok: false,
      messageKey: 'identifier.reservnummerFormat',
    });
  });
});

describe('display and search', () => {
  it('formats national numbers as YYYYMMDD-NNNN', () => {
    expect(formatIdentifier('personnummer', '191212121212')).toBe('19121212-1212');
    expect(formatIdentifier('reservnummer', 'R123')).toBe('R123');
  });
  it('drops separators between digits so any typed form finds the stored value', () => {
    expect(normaliseSearch(' 121212-1212 ')).toBe('1212121212');
    expect(normaliseSearch('Anna  SVENSSON')).toBe('anna svensson');
  });
});
