import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/main/cli/index';
import { tempDir, testCore, useCliSignIn, withWorkplace } from './helpers';
import { fillWithPdftk, FILLED_SARCOMA } from '../referral-forms';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('mdk export-form and mdk import-forms', { timeout: 120_000 }, () => {
  useCliSignIn();
  it('saves the form, reads a folder of filled forms with one line per refused form, and exits 0, 1 or 2 as documented', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    const { core, api } = await testCore({ dataDir: data });
    await withWorkplace(api);
    core.close();

    const formFile = join(dir, 'blankett.pdf');
    const saved = await cli(['export-form', '--care-area', 'SARCOMA', '--out', formFile, '--data', data]);
    expect(saved.code).toBe(0);
    expect(saved.out).toEqual([`Blanketten har sparats i ${formFile}.`]);

    const inbox = join(dir, 'inkorg');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'a-ifylld.pdf'), fillWithPdftk(readFileSync(formFile), FILLED_SARCOMA));
    writeFileSync(join(inbox, 'b-skannad.pdf'), '%PDF-1.4\n%%EOF\n');
    writeFileSync(join(inbox, 'c-anteckning.txt'), 'inte en blankett');

    const dry = await cli(['import-forms', inbox, '--dry-run', '--data', data]);
    expect(dry.out).toEqual([
      'b-skannad.pdf: PDF-filen är skadad och kan inte läsas. Be avsändaren spara och skicka blanketten igen.',
      '2 blanketter: 1 skulle importeras, 1 avvisad, 0 redan importerade',
    ]);
    expect(dry.code).toBe(1);

    expect((await cli(['import-forms', inbox, '--data', data])).out.at(-1)).toBe('2 blanketter: 1 importerad, 1 avvisad, 0 redan importerade');
    const again = await cli(['import-forms', join(inbox, 'a-ifylld.pdf'), '--data', data, '--lang', 'en']);
    expect(again.out).toEqual(['1 form: 0 imported, 0 rejected, 1 already imported']);
    expect(again.code).toBe(0);

    expect((await cli(['import-forms', '--data', data])).code).toBe(2);
    const missing = await cli(['import-forms', join(dir, 'finns-inte'), '--data', data]);
    expect(missing.code).toBe(2);
    expect(missing.err.join('\n')).toContain('kan inte läsas (ENOENT)');
    const empty = join(dir, 'tom');
    mkdirSync(empty);
    expect((await cli(['import-forms', empty, '--data', data])).err).toEqual([`Mappen ${empty} innehåller inga PDF-filer.`]);
  });
});
