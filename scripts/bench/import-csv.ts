/** A CSV file in the import's format (docs/import-referrals.md) with `n` new, valid rows. */
import { addDays, dateBetween, FAMILY_NAMES, GIVEN_NAMES_FEMALE, pick, seededRandom, syntheticPersonnummer } from '../../src/main/demo/synthetic';

const HEADER = 'personnummer;reservnummer_region;efternamn;fornamn;vardomrade;remitterande_enhet;remitterande_lakare;telefon;mottagen;valgrundad_misstanke;fragestallning;icd10;diagnosgrund;ecog;extern_id';

export function importCsv(n: number, seed: number): string {
  const rnd = seededRandom(9000 + seed);
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const birth = dateBetween(rnd, '1930-01-01', '2000-12-31');
    const received = dateBetween(rnd, '2026-06-01', '2026-11-15');
    const pnr = syntheticPersonnummer(rnd, birth, 'female');
    lines.push(
      `${pnr.slice(0, 8)}-${pnr.slice(8)};;${pick(rnd, FAMILY_NAMES)};${pick(rnd, GIVEN_NAMES_FEMALE)};SARCOMA;HELSINGBORG;Dr Bench;042-000 00 00;${received};${addDays(received, -10)};Kirurgi?;C49.2;PAD;1;BENCH-${seed}-${i}`,
    );
  }
  return lines.join('\r\n') + '\r\n';
}
