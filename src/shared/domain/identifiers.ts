/**
 * Swedish patient identifiers (domain.md "Identifiers and codes"): personnummer, samordningsnummer
 * (day + 60) and regional reservnummer. Pure: used by the form, the import and the services.
 *
 * The check digit is validated by the `personnummer` package; the century is computed here from a
 * reference date, because a 10-digit number only makes sense relative to "today" ('+' = age 100+).
 */
import Personnummer from 'personnummer';

export const IDENTIFIER_SYSTEMS = ['personnummer', 'samordningsnummer', 'reservnummer'] as const;
export type IdentifierSystem = (typeof IDENTIFIER_SYSTEMS)[number];

/** What the user says the number is: a national number (kind decided by the day) or a reservnummer. */
export type IdentifierKind = 'national' | 'reservnummer';

export interface ParsedIdentifier {
  system: IdentifierSystem;
  /** personnummer/samordningsnummer: 12 digits (YYYYMMDDNNNC); reservnummer: as given, upper-cased. */
  value: string;
  issuerRegionCode: string | null;
  /** Reservnummer are temporary: the patient is re-identified when a national number is known. */
  isTemporary: boolean;
  birthDate: string | null;
  sex: 'female' | 'male' | null;
}

export type IdentifierResult = { ok: true; identifier: ParsedIdentifier } | { ok: false; messageKey: string };

/** Bound on what we accept as a reservnummer (they follow no national format). */
export const RESERVNUMMER_MAX = 30;

const NATIONAL = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;
const RESERV = /^[A-Z0-9][A-Z0-9 +\-/]*$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function dateExists(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Century for a 10-digit number: the latest year not after the reference date; '+' adds 100 years of age. */
function fullYear(yy: number, month: number, day: number, sep: string, reference: string): number {
  const [ry, rm, rd] = reference.split('-').map(Number);
  let year = Math.floor(ry / 100) * 100 + yy;
  const after = year > ry || (year === ry && (month > rm || (month === rm && day > rd)));
  if (after) year -= 100;
  if (sep === '+') year -= 100;
  return year;
}

/**
 * Parses what a person typed: 10 or 12 digits, with '-', '+' or no separator. `reference` is the
 * date (YYYY-MM-DD) the number is read on: it fixes the century of the 10-digit forms. Space around
 * the number is ignored, but not within it: "19090527 1474" is no personnummer form (the
 * `personnummer` package refuses it too), and guessing what a space meant could join two numbers.
 */
export function parseNationalNumber(input: string, reference: string): IdentifierResult {
  const compact = input.trim();
  const m = NATIONAL.exec(compact);
  if (!m) return { ok: false, messageKey: 'identifier.format' };
  const [, cc, yyText, mmText, ddText, sep, serial, check] = m;
  const yy = Number(yyText);
  const month = Number(mmText);
  const rawDay = Number(ddText);
  const coordination = rawDay > 60;
  const day = coordination ? rawDay - 60 : rawDay;
  const year = cc ? Number(cc + yyText) : fullYear(yy, month, day, sep, reference);
  if (!dateExists(year, month, day)) return { ok: false, messageKey: 'identifier.dateNotExist' };
  const birthDate = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (birthDate > reference) return { ok: false, messageKey: 'identifier.future' };
  const value = `${pad(year, 4)}${mmText}${ddText}${serial}${check}`;
  // The library checks the Luhn digit over the 10-digit form; the date was checked above.
  if (!Personnummer.valid(value, { allowCoordinationNumber: true, allowInterimNumber: false })) return { ok: false, messageKey: 'identifier.checkDigit' };
  return {
    ok: true,
    identifier: {
      system: coordination ? 'samordningsnummer' : 'personnummer',
      value,
      issuerRegionCode: null,
      isTemporary: false,
      birthDate,
      // The ninth digit of the 10-digit form (third of the serial) is odd for men.
      sex: Number(serial[2]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

export function parseReservnummer(input: string, issuerRegionCode: string | null | undefined): IdentifierResult {
  const value = input.trim().toUpperCase();
  if (!value) return { ok: false, messageKey: 'validation.required' };
  if (value.length > RESERVNUMMER_MAX || !RESERV.test(value)) return { ok: false, messageKey: 'identifier.reservnummerFormat' };
  if (!issuerRegionCode) return { ok: false, messageKey: 'identifier.reservnummerRegion' };
  return { ok: true, identifier: { system: 'reservnummer', value, issuerRegionCode, isTemporary: true, birthDate: null, sex: null } };
}

export function parseIdentifier(input: string, options: { kind?: IdentifierKind; issuerRegionCode?: string | null; reference: string }): IdentifierResult {
  if (!input.trim()) return { ok: false, messageKey: 'validation.required' };
  return options.kind === 'reservnummer' ? parseReservnummer(input, options.issuerRegionCode) : parseNationalNumber(input, options.reference);
}

/** Display form: YYYYMMDD-NNNN for national numbers, the reservnummer as stored. */
export function formatIdentifier(system: IdentifierSystem, value: string): string {
  return system === 'reservnummer' || value.length !== 12 ? value : `${value.slice(0, 8)}-${value.slice(8)}`;
}

/** Whole years of age on `reference` (YYYY-MM-DD). */
export function ageOn(birthDate: string, reference: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ry, rm, rd] = reference.split('-').map(Number);
  return ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
}

/**
 * Normalises a search text so "121212-1212", "19121212 1212" and "1212121212" all find the
 * 12-digit stored value: separators between digits go, letters are lower-cased.
 */
export function normaliseSearch(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/(\d)[\s\-+]+(?=\d)/g, '$1')
    .replace(/\s+/g, ' ');
}
