/**
 * The benchmark's patient identifiers: mostly personnummer, and as in a national register some
 * samordningsnummer (day + 60) and regional reservnummer, which the import matches on system, value
 * and issuing region.
 */
import { luhnCheckDigit, pick, syntheticPersonnummer, type Random } from '../../src/main/demo/synthetic';

export interface BenchIdentifier {
  system: 'personnummer' | 'samordningsnummer' | 'reservnummer';
  /** As stored: 12 digits for national numbers, the reservnummer as given. */
  value: string;
  /** The issuing region of a reservnummer (the CSV's `reservnummer_region`), else null. */
  region: string | null;
}

/** A checksum-valid samordningsnummer: the personnummer's day plus 60, its check digit again. */
export function syntheticSamordningsnummer(rnd: Random, birthDate: string, sex: 'female' | 'male'): string {
  const pnr = syntheticPersonnummer(rnd, birthDate, sex);
  const nine = `${pnr.slice(2, 6)}${Number(pnr.slice(6, 8)) + 60}${pnr.slice(8, 11)}`;
  return `${pnr.slice(0, 2)}${nine}${luhnCheckDigit(nine)}`;
}

/**
 * 90 % personnummer, 5 % samordningsnummer, 5 % reservnummer of one of `regions`; `unique` makes
 * each reservnummer distinct (they follow no national format).
 */
export function syntheticIdentifier(rnd: Random, birthDate: string, sex: 'female' | 'male', regions: readonly string[], unique: string): BenchIdentifier {
  const r = rnd();
  if (r < 0.05) return { system: 'reservnummer', value: `R${unique}`.toUpperCase(), region: pick(rnd, regions) };
  if (r < 0.1) return { system: 'samordningsnummer', value: syntheticSamordningsnummer(rnd, birthDate, sex), region: null };
  return { system: 'personnummer', value: syntheticPersonnummer(rnd, birthDate, sex), region: null };
}

/** The CSV's `personnummer` cell: national numbers as YYYYMMDD-NNNN, a reservnummer as it is. */
export const csvIdentifier = (id: BenchIdentifier) => (id.system === 'reservnummer' ? id.value : `${id.value.slice(0, 8)}-${id.value.slice(8)}`);
