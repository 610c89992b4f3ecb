/**
 * A CSV file in the import's format (docs/import-referrals.md) with `n` valid rows: new patients by
 * personnummer, samordningsnummer and reservnummer (90/5/5), and one row in ten for a patient the
 * database already holds (any of the three), found by the import's identifier lookup.
 */
import { addDays, dateBetween, FAMILY_NAMES, GIVEN_NAMES_FEMALE, pick, seededRandom } from '../../src/main/demo/synthetic';
import type { KnownPatient } from './dataset';
import { csvIdentifier, syntheticIdentifier } from './identifiers';
import { CARE_AREAS } from './dataset';

const HEADER =
  'personnummer;reservnummer_region;efternamn;fornamn;vardomrade;remitterande_enhet;remitterande_lakare;telefon;mottagen;valgrundad_misstanke;fragestallning;icd10;diagnosgrund;ecog;extern_id';
const REGIONS = ['01', '03', '12', '14', '24'];
const ICD: Record<string, string> = { SARCOMA: 'C49.2', ANAL: 'C21.1', VULVAR: 'C51.9', PENILE: 'C60.1', ILP: 'C43.7' };

export interface ImportFile {
  fileName: string;
  base64: string;
  /** The rows as the floor reads them (parsed by papaparse there, like the CSV text). */
  text: string;
}

export function importCsv(n: number, seed: number, known: readonly KnownPatient[]): ImportFile {
  const rnd = seededRandom(9000 + seed);
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const birth = dateBetween(rnd, '1930-01-01', '2000-12-31');
    const received = dateBetween(rnd, '2026-06-01', '2026-11-15');
    const existing = known.length && i % 10 === 3 ? pick(rnd, known) : null;
    const id = existing ?? syntheticIdentifier(rnd, birth, 'female', REGIONS, `S${seed}X${i}`);
    const family = existing?.familyName ?? pick(rnd, FAMILY_NAMES);
    const given = existing?.givenName ?? pick(rnd, GIVEN_NAMES_FEMALE);
    const area = pick(rnd, CARE_AREAS);
    lines.push(
      `${csvIdentifier(id)};${id.region ?? ''};${family};${given};${area};HELSINGBORG;Dr Bench;042-000 00 00;${received};${addDays(received, -10)};Kirurgi?;${ICD[area]};PAD;1;BENCH-${seed}-${i}`,
    );
  }
  const text = lines.join('\r\n') + '\r\n';
  return { fileName: `bench-${seed}.csv`, base64: Buffer.from(text).toString('base64'), text };
}
