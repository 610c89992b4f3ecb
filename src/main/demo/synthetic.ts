/**
 * Deterministic synthetic people and dates for demo data and the benchmark. Names are common Swedish
 * names combined at random: fictional persons. Seeded, so every run builds the same data.
 */

export type Random = () => number;

/** mulberry32: a small, fast, seeded PRNG (good enough for test data, not for secrets). */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
export const intBetween = (rnd: Random, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));

export const GIVEN_NAMES_FEMALE = [
  'Anna',
  'Eva',
  'Maria',
  'Karin',
  'Sara',
  'Christina',
  'Lena',
  'Emma',
  'Kerstin',
  'Ingrid',
  'Marie',
  'Malin',
  'Birgitta',
  'Sofia',
  'Linnéa',
  'Åsa',
  'Märta',
  'Elsa',
  'Astrid',
  'Gunilla',
  'Ulla',
  'Inger',
  'Margareta',
  'Elin',
  'Ida',
] as const;
export const GIVEN_NAMES_MALE = [
  'Lars',
  'Mikael',
  'Anders',
  'Johan',
  'Erik',
  'Per',
  'Karl',
  'Peter',
  'Jan',
  'Thomas',
  'Daniel',
  'Fredrik',
  'Hans',
  'Bengt',
  'Åke',
  'Göran',
  'Björn',
  'Stefan',
  'Mats',
  'Nils',
  'Olof',
  'Sven',
  'Gunnar',
  'Leif',
  'Örjan',
] as const;
export const FAMILY_NAMES = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Pettersson',
  'Jonsson',
  'Jansson',
  'Hansson',
  'Bengtsson',
  'Jönsson',
  'Lindberg',
  'Jakobsson',
  'Magnusson',
  'Olofsson',
  'Lindström',
  'Lindqvist',
  'Lindgren',
  'Berg',
  'Axelsson',
  'Bergström',
  'Lundberg',
  'Lind',
  'Lundgren',
  'Lundqvist',
  'Mattsson',
  'Berglund',
  'Fredriksson',
  'Sandberg',
  'Henriksson',
  'Åberg',
  'Öberg',
  'Ström',
  'Sjöberg',
  'Hägglund',
] as const;

/** Luhn check digit over the 9 first digits of the 10-digit form (YYMMDDNNN). */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A checksum-valid 12-digit personnummer for a birth date and sex (9th digit odd for men). */
export function syntheticPersonnummer(rnd: Random, birthDate: string, sex: 'female' | 'male'): string {
  const [y, m, d] = birthDate.split('-');
  let serial = intBetween(rnd, 0, 99) * 10 + intBetween(rnd, 0, 4) * 2 + (sex === 'male' ? 1 : 0);
  if (serial > 999) serial = 999 - (sex === 'male' ? 0 : 1);
  const nnn = String(serial).padStart(3, '0');
  const nine = `${y.slice(2)}${m}${d}${nnn}`;
  return `${y}${m}${d}${nnn}${luhnCheckDigit(nine)}`;
}

/** A random calendar date between two ISO dates (inclusive). */
export function dateBetween(rnd: Random, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor(rnd() * ((b - a) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
