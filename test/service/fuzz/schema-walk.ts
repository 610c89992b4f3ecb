/**
 * Walks zod 4 schemas (the API contract's inputs) to find unbounded inputs and to generate valid and
 * malformed values for the fuzz test. Reads zod's internal definitions (`_zod.def`), which is what
 * zod's own JSON-schema export reads; types this walker does not know are fuzzed with random junk.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { pick, type Random as Rng } from '../../../src/main/demo/synthetic';

interface Def {
  type: string;
  [key: string]: unknown;
}
interface CheckDef {
  check: string;
  maximum?: number;
  minimum?: number;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

const def = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const checks = (s: z.ZodType): CheckDef[] => ((def(s).checks as { _zod: { def: CheckDef } }[] | undefined) ?? []).map((c) => c._zod.def);
const inner = (s: z.ZodType): z.ZodType | null => {
  const d = def(s);
  return (d.innerType ?? d.in ?? null) as z.ZodType | null;
};
const maxLength = (s: z.ZodType) => checks(s).find((c) => c.check === 'max_length')?.maximum;
const minLength = (s: z.ZodType) => checks(s).find((c) => c.check === 'min_length')?.minimum ?? 0;

/** A regex bounds a string when it is anchored and has no unbounded repetition. */
function regexBounds(pattern: RegExp): boolean {
  const src = pattern.source;
  return src.startsWith('^') && src.endsWith('$') && !/(^|[^\\])[*+]|\{\d+,\}/.test(src);
}

/** Paths of inputs without an upper bound (strings without max length, arrays without max items, records). */
export function unboundedPaths(schema: z.ZodType, path = '$'): string[] {
  const d = def(schema);
  switch (d.type) {
    case 'object':
      return Object.entries(d.shape as Record<string, z.ZodType>).flatMap(([k, v]) => unboundedPaths(v, `${path}.${k}`));
    case 'string': {
      const cs = checks(schema);
      const bounded = maxLength(schema) !== undefined || cs.some((c) => c.check === 'length_equals' || (c.pattern && regexBounds(c.pattern)));
      return bounded ? [] : [path];
    }
    case 'array':
      return [...(maxLength(schema) === undefined ? [path] : []), ...unboundedPaths(d.element as z.ZodType, `${path}[]`)];
    case 'record':
    case 'map':
    case 'set':
    case 'any':
    case 'unknown':
      return [path];
    case 'union':
      return (d.options as z.ZodType[]).flatMap((o, i) => unboundedPaths(o, `${path}|${i}`));
    case 'tuple':
      return (d.items as z.ZodType[]).flatMap((o, i) => unboundedPaths(o, `${path}[${i}]`));
    default: {
      const next = inner(schema);
      return next ? unboundedPaths(next, path) : [];
    }
  }
}

// One seeded PRNG for the project's generated data (demo, benchmark, fuzzing).
export { seededRandom as seededRng, type Random as Rng } from '../../../src/main/demo/synthetic';

/**
 * Texts a user, a broken file or an attacker might send. No existing writable folder is among them; the
 * one absolute path is below the temp folder, in case a method creates folders it is given.
 */
const NASTY_STRINGS = [
  '',
  ' ',
  'a',
  'Åsa Öberg-Ärlig',
  '2026-11-23',
  '2026-02-30',
  '19121212-1212',
  '191212121212',
  'C18.7',
  'ILP',
  'SU',
  'mdk-backup-20260101T000000000Z-auto.sqlite',
  '../../../etc/passwd',
  join(tmpdir(), 'mdk-fuzz-missing', 'folder'),
  'C:\\Windows\\System32',
  "'; DROP TABLE patient; --",
  '<script>alert(1)</script>',
  '\u0000',
  '\uFFFF\uD800',
  '🙂'.repeat(50),
  'null',
  '{}',
  '[]',
  'NaN',
  '-1',
  '1e309',
  '__proto__',
  'constructor',
  '\r\n\t',
  '=cmd|/C calc!A0',
  // Malformed importer payloads (CSV, FHIR JSON, base64 of random bytes).
  'personnummer;namn\n"19121212-1212;Tolvan\n',
  '\uFEFF;;;\n;;\n',
  '{"resourceType":"Bundle","entry":[{"resource":{}}]}',
  '{"resourceType":"ServiceRequest","subject":{"reference":"Patient/1"',
  'JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI',
];
const NASTY_NUMBERS = [0, -1, 1, 2, 7, 1.5, -0, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.NaN, Infinity, -Infinity];

function randomString(rng: Rng, max: number): string {
  const len = Math.floor(rng() * Math.min(max, 64));
  let s = '';
  for (let i = 0; i < len; i++) s += String.fromCharCode(rng() < 0.8 ? 32 + Math.floor(rng() * 95) : Math.floor(rng() * 0xffff));
  return s;
}

/** Any JSON-ish value, nested a little, or something structured clone carries (NaN, big strings, deep nesting). */
export function junk(rng: Rng, depth = 0): unknown {
  const r = rng();
  if (r < 0.12) return pick(rng, NASTY_STRINGS);
  if (r < 0.22) return pick(rng, NASTY_NUMBERS);
  if (r < 0.28) return pick(rng, [true, false, null, undefined]);
  if (r < 0.33) return 'x'.repeat(pick(rng, [201, 2_001, 20_001, 1_000_000]));
  if (r < 0.38) {
    let deep: unknown = {};
    for (let i = 0; i < 2_000; i++) deep = { a: deep };
    return deep;
  }
  if (r < 0.42) return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
  if (r < 0.46) return Array.from({ length: 5_000 }, () => 1);
  if (depth > 2 || r < 0.7) return randomString(rng, 80);
  if (r < 0.85) return Array.from({ length: Math.floor(rng() * 4) }, () => junk(rng, depth + 1));
  return Object.fromEntries(Array.from({ length: Math.floor(rng() * 4) }, () => [randomString(rng, 10), junk(rng, depth + 1)]));
}

/** A value the schema would mostly accept (so fuzzing reaches the handlers, not only validation). */
export function sample(schema: z.ZodType, rng: Rng): unknown {
  const d = def(schema);
  switch (d.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.shape as Record<string, z.ZodType>)) {
        const optional = ['optional', 'default', 'nullable'].includes(def(v).type);
        if (!optional || rng() < 0.7) out[k] = sample(v, rng);
      }
      return out;
    }
    case 'string': {
      const max = maxLength(schema) ?? 200;
      const min = minLength(schema);
      const r = rng();
      if (r < 0.5) return pick(rng, NASTY_STRINGS);
      if (r < 0.6) return 'A'.repeat(max);
      const s = randomString(rng, max);
      return s.length < min ? s.padEnd(min, 'x') : s;
    }
    case 'number': {
      const cs = checks(schema);
      const hi = cs.find((c) => c.check === 'less_than')?.value;
      const lo = cs.find((c) => c.check === 'greater_than')?.value;
      if (rng() < 0.6) return pick(rng, [1, 2, 3, 5, 10, 100]);
      if (rng() < 0.5 && hi !== undefined) return Number(hi);
      if (lo !== undefined) return Number(lo);
      return pick(rng, NASTY_NUMBERS);
    }
    case 'int':
    case 'bigint':
      return pick(rng, [1, 2, 3]);
    case 'boolean':
      return rng() < 0.5;
    case 'enum':
      return pick(rng, Object.values(d.entries as Record<string, unknown>));
    case 'literal':
      return pick(rng, d.values as unknown[]);
    case 'null':
      return null;
    case 'array': {
      const max = maxLength(schema) ?? 3;
      const len = rng() < 0.1 ? max : Math.floor(rng() * Math.min(max, 3) + minLength(schema));
      return Array.from({ length: len }, () => sample(d.element as z.ZodType, rng));
    }
    case 'union':
      return sample(pick(rng, d.options as z.ZodType[]), rng);
    case 'optional':
    case 'nullable':
    case 'default':
      if (rng() < 0.15) return d.type === 'nullable' ? null : undefined;
      return sample(inner(schema)!, rng);
    default: {
      const next = inner(schema);
      return next ? sample(next, rng) : junk(rng);
    }
  }
}

/** A near-valid value with one field broken: wrong type, too long, missing, extra, junk. */
export function mutate(value: unknown, rng: Rng): unknown {
  if (value === null || typeof value !== 'object' || rng() < 0.15) return junk(rng);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (keys.length === 0 || rng() < 0.1) {
    (copy as Record<string, unknown>)[randomString(rng, 12) || 'extra'] = junk(rng);
    return copy;
  }
  const k = pick(rng, keys) as keyof typeof copy;
  const r = rng();
  if (r < 0.2) delete (copy as Record<string, unknown>)[k as string];
  else if (r < 0.5 && copy[k] && typeof copy[k] === 'object') (copy as Record<string, unknown>)[k as string] = mutate(copy[k], rng);
  else if (r < 0.65 && typeof copy[k] === 'string') (copy as Record<string, unknown>)[k as string] = (copy[k] as string) + 'x'.repeat(20_001);
  else (copy as Record<string, unknown>)[k as string] = junk(rng);
  return copy;
}
