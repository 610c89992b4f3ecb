/**
 * Dates and times read the Swedish way whatever the browser's locale: a native date or time input
 * follows the browser's (mm/dd/yyyy, "02:00 PM"), so every field uses ui/DateTimeInputs instead.
 * The e2e test swedish-dates.spec.ts shows the fields in an en-US browser; this finds a native input
 * added anywhere, including screens that test does not open.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = join(import.meta.dirname, '..', '..', 'src', 'renderer');
const NATIVE = /type=["'{]+\s*['"]?(date|time|datetime-local|month|week)['"]/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('date and time fields', () => {
  it('the renderer has no native date or time input: each uses DateInput or TimeInput', () => {
    const found = sources(RENDERER).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (NATIVE.test(line) ? [`${relative(RENDERER, file)}:${i + 1}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
