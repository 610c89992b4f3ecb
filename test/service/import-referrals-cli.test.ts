import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { runCli } from '../../src/main/cli/index';
import { tempDir, testCore, useCliSignIn } from './helpers';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('mdk import-referrals', () => {
  useCliSignIn();
  it('prints one line per rejected row and the counts, exits non-zero, and adds nothing on a second run', async () => {
    const dir = tempDir();
    const file = join(dir, 'remisser.csv');
    const csv = [
      'personnummer;efternamn;förnamn;vårdområde;remitterande_enhet;mottagen;ecog',
      '19121212-1212;Åström;Märta;ANAL;HELSINGBORG;2026-11-02;1',
      '19121312-1212;Fel;Datum;ANAL;HELSINGBORG;2026-11-02;1',
      '811228-9874;Ölund;Per;SARCOMA;OKÄND;2026-11-03;2',
    ].join('\r\n');
    writeFileSync(file, iconv.encode(csv, 'win1252'));
    const data = join(dir, 'data');
    (await testCore({ dataDir: data })).core.close(); // the data folder with its users, for the CLI's sign-in

    const dry = await cli(['import-referrals', file, '--dry-run', '--data', data]);
    expect(dry.out).toEqual([
      'rad 3: personnummer: Datumet finns inte.',
      'rad 4: remitterande_enhet: Enheten "OKÄND" finns inte. Använd enhetens kod, eller be en administratör eller koordinator lägga till den under Inställningar → Enheter.',
      '3 rader: provkörning, 1 skulle importeras, 2 avvisade, 0 redan importerade',
    ]);
    expect(dry.code).toBe(1);

    const run = await cli(['import-referrals', file, '--data', data]);
    expect(run.out.at(-1)).toBe('3 rader: 1 importerad, 2 avvisade, 0 redan importerade');
    const again = await cli(['import-referrals', file, '--data', data]);
    expect(again.out.at(-1)).toBe('3 rader: 0 importerade, 2 avvisade, 1 redan importerad');
    const { core } = await testCore({ dataDir: data });
    expect(core.db.prepare('SELECT count(*) FROM referral').pluck().get()).toBe(1);
    core.close();
  });

  it('exits 0 when every row is valid, and refuses a file that is not CSV', async () => {
    const dir = tempDir();
    const good = join(dir, 'ok.csv');
    (await testCore({ dataDir: join(dir, 'd') })).core.close();
    writeFileSync(good, 'personnummer,efternamn,fornamn,vardomrade,remitterande_enhet,mottagen\n19121212-1212,A,B,ANAL,KS,2026-11-01\n');
    const ok = await cli(['import-referrals', good, '--data', join(dir, 'd')]);
    expect(ok).toMatchObject({ code: 0, out: ['1 rad: 1 importerad, 0 avvisade, 0 redan importerade'] });
    const pdf = join(dir, 'x.pdf');
    writeFileSync(pdf, '%PDF-1.7\n');
    const bad = await cli(['import-referrals', pdf, '--data', join(dir, 'd')]);
    expect(bad.code).toBe(2);
    expect(bad.err.join(' ')).toContain('Filen är inte en CSV-fil');
    expect((await cli(['import-referrals', join(dir, 'missing.csv'), '--data', join(dir, 'd')])).code).toBe(2);
  });
});
