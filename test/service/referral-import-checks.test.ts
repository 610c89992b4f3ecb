/**
 * The import's checks for what a file can hide: a number that belongs to someone else in the register
 * (a warning in the preview, never a silent merge) and a file saved as UTF-16 (refused, saying how to
 * save it as UTF-8).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/index';
import { tempDir, testCore, useCliSignIn, withWorkplace } from './helpers';
import { insertPatient } from '../factories';

const now = () => new Date('2026-11-23T09:00:00Z');
const header = 'personnummer;efternamn;fornamn;vardomrade;remitterande_enhet;mottagen';
const csv = (lines: string[]) => [header, ...lines].join('\r\n') + '\r\n';
const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('import: a number under another name', () => {
  useCliSignIn();

  it('warns in the preview when a row names another person than the register, or than an earlier row', async () => {
    const dataDir = tempDir();
    const { api, core } = await testCore({ now, dataDir });
    await withWorkplace(api);
    const tolvan = insertPatient(core.db, { personnummer: '191212121212', givenName: 'Tolvan', familyName: 'Tolvansson' });
    const text = csv([
      '19121212-1212;Åström;Märta;ANAL;KS;2026-11-02', // the register says Tolvan Tolvansson
      '19121212-1212;  tolvansson ;TOLVAN;SARCOMA;KS;2026-11-02', // the same name, typed differently
      '811228-9874;Ölund;Per;ANAL;KS;2026-11-03', // a new patient …
      '811228-9874;Öberg;Pia;SARCOMA;KS;2026-11-03', // … named otherwise two rows on
    ]);
    const preview = await api.call('referrals.importPreview', { fileName: 'r.csv', base64: base64(text) });
    expect(preview.rows.map((r) => [r.row, r.status, r.warningKey ?? null, r.warningParams ?? null])).toEqual([
      [2, 'valid', 'import.nameDiffersFromRegister', { name: 'Tolvan Tolvansson' }],
      [3, 'valid', null, null],
      [4, 'valid', null, null],
      [5, 'valid', 'import.nameDiffersInFile', { name: 'Per Ölund', row: 4 }],
    ]);

    // The command line prints the warnings beside the rejected rows.
    core.close();
    const file = join(dataDir, 'r.csv');
    writeFileSync(file, text);
    const out: string[] = [];
    expect(await runCli(['import-referrals', file, '--dry-run', '--data', dataDir], { out: (l) => out.push(l), err: (l) => out.push(l) })).toBe(0);
    expect(out).toEqual([
      'rad 2: varning: Numret tillhör redan Tolvan Tolvansson i registret. Anmälan kopplas till den patienten och namnet i filen sparas inte: kontrollera att det är samma person.',
      'rad 5: varning: Numret står på rad 4 med namnet Per Ölund. Båda raderna kopplas till samma patient med namnet från rad 4: kontrollera att det är samma person.',
      '4 rader: provkörning, 4 skulle importeras, 0 avvisade, 0 redan importerade',
    ]);

    // Confirmed, the referral goes to the registered patient, whose name stays as registered.
    const again = await testCore({ now, dataDir });
    await again.api.call('referrals.importCommit', { fileName: 'r.csv', base64: base64(text) });
    const names = again.core.db.prepare("SELECT given_name || ' ' || family_name FROM patient ORDER BY id").pluck().all();
    expect(names).toEqual(['Tolvan Tolvansson', 'Per Ölund']);
    expect(again.core.db.prepare('SELECT count(*) FROM referral WHERE patient_id = ?').pluck().get(tolvan)).toBe(2);
  });
});

describe('import: encodings', () => {
  it('refuses a UTF-16 file, with or without a byte-order mark, naming the encoding and how to save it as UTF-8', async () => {
    const { api } = await testCore({ now });
    await withWorkplace(api);
    const text = csv(['19121212-1212;Åström;Märta;ANAL;KS;2026-11-02']);
    const files = {
      'UTF-16 LE': Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16-le')]),
      'UTF-16 BE': Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16-be')]),
      'UTF-16 LE ': iconv.encode(text, 'utf16-le'), // no byte-order mark
    };
    for (const [encoding, bytes] of Object.entries(files)) {
      await expect(api.call('referrals.importPreview', { fileName: 'u.csv', base64: bytes.toString('base64') })).rejects.toMatchObject({
        issues: [{ path: 'file', messageKey: 'import.utf16', params: { encoding: encoding.trim() } }],
      });
    }
    // A UTF-8 file with the same text is read.
    const ok = await api.call('referrals.importPreview', { fileName: 'u.csv', base64: base64(text) });
    expect(ok.counts.valid).toBe(1);
  });
});
