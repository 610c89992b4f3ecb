/**
 * The command line as scripts use it: the real `mdk` bin as a child process with piped output,
 * global options before the command, `init` on a fresh folder, the documented exit codes and every
 * message in the chosen language.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/index';
import { TEST_PASSPHRASE, tempDir, testCore, withWorkplace } from './helpers';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/mdk.mjs');

/** Runs the real bin with stdout and stderr as pipes, as `mdk … | jq` or a script's `$(mdk …)` does. */
function mdk(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((done, fail) => {
    const base = { ...process.env };
    for (const k of ['MDK_USER', 'MDK_PASSPHRASE', 'MDK_LANG', 'MDK_DATA_DIR']) delete base[k];
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    // A slow reader: the pipe fills (64 KiB) long before the CLI is done writing.
    child.stdout.on('data', (b: Buffer) => {
      out.push(b);
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 1);
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}
const asAdmin = { MDK_USER: 'admin', MDK_PASSPHRASE: TEST_PASSPHRASE, MDK_LANG: undefined };

/** A data folder with three weekly sarcoma series over nine years (a pinned clock per year). */
async function folderWithTenYearsOfMeetings(): Promise<string> {
  const dataDir = tempDir();
  const first = await testCore({ dataDir, now: () => new Date('2020-01-02T09:00:00Z') });
  await withWorkplace(first.api);
  const ids: number[] = [];
  for (const weekday of [1, 2, 3]) {
    const saved = await first.api.call('series.save', {
      careAreaCode: 'SARCOMA',
      name: `Nationell MDK sarkom ${weekday}`,
      weekday,
      startTime: '14:00',
      durationMinutes: 60,
      frequency: 'weekly',
      firstDate: '2020-01-02',
      deadlineWorkingDays: 2,
      deadlineTime: '12:00',
      holidayPolicy: 'skip',
      minutesPerCase: 6,
      capacityCases: 10,
      requiredRoles: ['surgeon', 'oncologist'],
      location: 'Konferensrum Aulan, plan 3',
    });
    ids.push(saved.id);
  }
  first.core.close();
  for (let year = 2021; year <= 2028; year++) {
    const { api, core } = await testCore({ dataDir, now: () => new Date(`${year}-01-02T09:00:00Z`) });
    for (const id of ids) await api.call('series.regenerate', { id });
    core.close();
  }
  return dataDir;
}

describe('mdk as scripts use it', () => {
  it('writes all of a JSON answer over 1 MB to a pipe: the output parses whole', async () => {
    const dataDir = await folderWithTenYearsOfMeetings();
    const res = await mdk(['--data', dataDir, 'meetings', '--care-area', 'SARCOMA', '--from', '2019-01-01', '--to', '2099-12-31', '--json'], {
      MDK_USER: 'admin',
      MDK_PASSPHRASE: TEST_PASSPHRASE,
    });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout.length).toBeGreaterThan(1024 * 1024);
    const json = JSON.parse(res.stdout.toString('utf8')) as { meetings: { localDate: string }[]; skipped: unknown[] };
    const { core } = await testCore({ dataDir });
    const stored = core.db.prepare("SELECT count(*) FROM meeting WHERE care_area_code = 'SARCOMA'").pluck().get() as number;
    expect(json.meetings.length).toBe(stored);
    expect(json.meetings.length).toBeGreaterThan(500);
  }, 180_000);

  it('init creates the first administrator from the command line; verify then succeeds on the new folder', async () => {
    const dataDir = join(tempDir(), 'ny-installation');
    const env = { MDK_PASSPHRASE: 'en lång lösenfras för drift' };
    const init = await mdk(['--data', dataDir, 'init', '--name', 'Anna Administratör', '--user', 'anna'], env);
    expect(init.stderr).toContain('Administratören anna är skapad');
    expect(init.code).toBe(0);
    // the recovery key alone on standard output, once
    expect(init.stdout.toString('utf8')).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){7}\n$/);
    const verify = await mdk(['--data', dataDir, 'verify', '--user', 'anna'], env);
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);
    expect(verify.stdout.toString('utf8')).toContain('Databasen är frisk.');
    // a second init is refused: the folder has its administrator
    const again = await mdk(['--data', dataDir, 'init', '--name', 'Bo', '--user', 'bo', '--lang', 'en'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already');
    expect(again.stdout.length).toBe(0);
  }, 180_000);

  it('init asks for what it lacks, in the chosen language, with exit status 2', async () => {
    const dataDir = join(tempDir(), 'tom');
    const noName = await cli(['init', '--data', dataDir, '--user', 'anna'], { MDK_PASSPHRASE: 'en lång lösenfras för drift' });
    expect(noName).toMatchObject({ code: 2, err: ['Ange administratörens namn med --name och användarnamn med --user.', expect.stringContaining('mdk init')] });
    const noPassphrase = await cli(['--lang', 'en', 'init', '--data', dataDir, '--user', 'anna', '--name', 'Anna'], { MDK_PASSPHRASE: undefined });
    expect(noPassphrase.code).toBe(2);
    expect(noPassphrase.err[0]).toMatch(/^Give the administrator’s passphrase in MDK_PASSPHRASE/);
    const short = await cli(['init', '--data', dataDir, '--user', 'anna', '--name', 'Anna'], { MDK_PASSPHRASE: 'kort' });
    expect(short.code).toBe(2);
    expect(short.err).toEqual(['Lösenfrasen måste ha minst 12 tecken.']);
  });

  it('takes the global options before or after the command', async () => {
    const { core, dataDir } = await testCore();
    core.close();
    for (const args of [
      ['--data', dataDir, 'verify'],
      ['--data', dataDir, '--user', 'admin', 'verify'],
      [`--data=${dataDir}`, '--lang', 'en', 'verify'],
      ['verify', '--data', dataDir],
    ]) {
      const res = await cli(args, asAdmin);
      expect(res.err, args.join(' ')).toEqual([]);
      expect(res.code).toBe(0);
    }
    expect((await cli(['--lang', 'en', '--data', dataDir, 'verify'], asAdmin)).out.at(-1)).toBe('The database is healthy.');
  });

  it('exits 0 done, 1 rows rejected or faults found, 2 usage errors and unfit files, as documented', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    (await testCore({ dataDir: data })).core.close();
    const file = (name: string, bytes: Buffer | string) => {
      writeFileSync(join(dir, name), bytes);
      return join(dir, name);
    };
    const header = 'personnummer;efternamn;förnamn;vårdområde;remitterande_enhet;mottagen';
    const good = file('ok.csv', `${header}\n19121212-1212;Åström;Märta;ANAL;HELSINGBORG;2026-11-02\n`);
    const oneBad = file('fel.csv', `${header}\n19121312-1212;Fel;Datum;ANAL;HELSINGBORG;2026-11-02\n`);
    const run = (...args: string[]) => cli(['--data', data, ...args], asAdmin);

    // 0: done
    expect((await run('import-referrals', good, '--dry-run')).code).toBe(0);
    expect((await run('verify')).code).toBe(0);
    // 1: rows rejected; faults found
    expect((await run('import-referrals', oneBad, '--dry-run')).code).toBe(1);
    // 2: usage errors
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run()).code).toBe(2);
    expect((await run('verify', '--no-such-flag')).code).toBe(2);
    expect((await run('meetings', '--care-area')).code).toBe(2);
    expect((await run('meetings', '--care-area', 'ANAL', '--from', '2026-02-30', '--to', '2026-03-01')).code).toBe(2);
    expect((await cli(['--lang', 'de', '--data', data, 'verify'], asAdmin)).code).toBe(2);
    expect((await cli(['--data', data, 'verify'], { ...asAdmin, MDK_PASSPHRASE: 'inte den rätta frasen' })).code).toBe(2);
    // 2: a file that cannot be read, is empty, is not a CSV or is too large
    const unfit: Record<string, string> = {
      missing: join(dir, 'finns-inte.csv'),
      empty: file('tom.csv', ''),
      binary: file('bild.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
      pdf: file('remiss.pdf', '%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'),
      utf16: file('unicode.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(`${header}\r\n`, 'utf16-le')])),
      notCsv: file('brev.txt', 'Hej!\nHär kommer remisserna.\n'),
      tooLarge: file('stor.csv', Buffer.alloc(10 * 1024 * 1024 + 1, 'a')),
    };
    for (const [what, path] of Object.entries(unfit)) {
      const res = await run('import-referrals', path);
      expect(res.code, what).toBe(2);
      expect(res.err, what).toHaveLength(1);
      expect(res.err[0], what).not.toMatch(/Uppgifterna behöver rättas|file:/);
    }
    expect((await run('import-referrals', unfit.utf16)).err[0]).toMatch(/sparad som UTF-16 LE.*UTF-8/);
    expect((await run('import-referrals', unfit.pdf)).err[0]).toMatch(/^Filen är inte en CSV-fil/);
    expect((await run('import-referrals', unfit.empty)).err[0]).toBe('Filen är tom.');

    // 1: faults found in the database
    const { core } = await testCore({ dataDir: data });
    core.db.pragma('foreign_keys = OFF');
    core.db.prepare("INSERT INTO care_area_national_unit (care_area_code, unit_id) VALUES ('ILP', 99999)").run();
    core.close();
    expect((await run('verify')).code).toBe(1);
  }, 120_000);

  it('says everything in the chosen language; a wrong passphrase is one plain sentence', async () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    (await testCore({ dataDir: data })).core.close();
    const csv = join(dir, 'r.csv');
    writeFileSync(csv, 'personnummer;efternamn;förnamn;vårdområde;remitterande_enhet;mottagen\n19121312-1212;Fel;Datum;ANAL;HELSINGBORG;2026-11-02\n');
    const en = (...args: string[]) => cli(['--lang', 'en', '--data', data, ...args], asAdmin);
    const sv = (...args: string[]) => cli(['--data', data, ...args], asAdmin);

    expect((await en('import-referrals', csv, '--dry-run')).out).toEqual([
      'row 2: personnummer: The date does not exist.',
      '1 row: dry run, 0 would be imported, 1 rejected, 0 already imported',
    ]);
    expect((await sv('import-referrals', csv, '--dry-run')).out).toEqual([
      'rad 2: personnummer: Datumet finns inte.',
      '1 rad: provkörning, 0 skulle importeras, 1 avvisad, 0 redan importerade',
    ]);
    expect((await en('verify')).out).toEqual([
      expect.stringMatching(/^Database: .*mdk\.sqlite \(schema \d{4}_/),
      'integrity_check: ok',
      'foreign_key_check: ok',
      'The database is healthy.',
    ]);
    const backup = await en('backup', '--out', join(dir, 'kopia.sqlite'));
    expect(backup.out).toEqual([`Backup saved and checked: ${join(dir, 'kopia.sqlite')}`]);
    const exists = await en('backup', '--out', join(dir, 'kopia.sqlite'));
    expect(exists).toMatchObject({ code: 2, err: [`The file already exists and is not overwritten: ${join(dir, 'kopia.sqlite')}`] });
    expect((await en('restore', join(dir, 'kopia.sqlite'))).out[0]).toMatch(/^The database is restored from /);
    const help = await cli(['--help', '--lang', 'en']);
    expect(help.out.join('\n')).not.toMatch(/[åäö]/);
    expect(help.out.join('\n')).toContain('Exit status: 0 done; 1 rows rejected');
    expect((await cli(['--lang', 'en', 'frobnicate'])).err).toEqual(['Unknown command: frobnicate']);
    expect((await en('verify', '--bogus')).err[0]).toBe('Unknown option: --bogus');

    const wrong = await cli(['--data', data, 'verify'], { ...asAdmin, MDK_PASSPHRASE: 'inte den rätta frasen' });
    expect(wrong.err).toEqual(['Fel användarnamn eller lösenfras.']);
    const wrongEn = await cli(['--lang', 'en', '--data', data, 'verify'], { ...asAdmin, MDK_PASSPHRASE: 'inte den rätta frasen' });
    expect(wrongEn.err).toEqual(['Wrong user name or passphrase.']);
  }, 120_000);
});
