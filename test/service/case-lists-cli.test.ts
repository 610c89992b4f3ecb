import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testCore, tempDir, useCliSignIn } from './helpers';
import { insertMeeting, insertPatient, insertReferral, unitIdByCode } from '../factories';
import { pdfText } from '../pdf-text';
import { runCli } from '../../src/main/cli/index';
import { setWorkplace } from '../../src/main/services/system/workplace';

describe('CLI: export-agenda and export-replies', () => {
  useCliSignIn();
  it('writes the agenda (full and minimal) and every reply of a finalised meeting', async () => {
    const dataDir = tempDir();
    const { core, api } = await testCore({ dataDir, localRole: 'physician' });
    setWorkplace(core.db, { unitId: unitIdByCode(core.db, 'SU'), careAreaCodes: ['ANAL'] });
    const meetingId = insertMeeting(core.db, { localDate: '2026-11-20', startsAt: '2026-11-20T07:00:00.000Z' });
    const referralId = insertReferral(core.db, { patientId: insertPatient(core.db, { familyName: 'Öberg', givenName: 'Åsa', birthDate: '1961-05-05' }) });
    await api.call('caseLists.add', { meetingId, referralIds: [referralId] });
    await api.call('caseLists.lock', { meetingId });
    await api.call('recommendations.record', { meetingId, referralId, intent: 'curative', treatments: [], nextStep: 'Remiss till strålbehandling' });
    await api.call('caseLists.finalise', { meetingId });
    core.close();

    const out = tempDir();
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await runCli(['export-agenda', '--data', dataDir, '--meeting', String(meetingId), '--out', join(out, 'agenda.pdf')], io)).toBe(0);
    expect((await pdfText(readFileSync(join(out, 'agenda.pdf')))).text).toContain('Öberg, Åsa');
    expect(await runCli(['export-agenda', '--data', dataDir, '--meeting', String(meetingId), '--out', join(out, 'kort.pdf'), '--minimal'], io)).toBe(0);
    const minimal = (await pdfText(readFileSync(join(out, 'kort.pdf')))).text;
    expect(minimal).toContain('Å. Ö., född 1961');
    expect(minimal).not.toContain('Öberg');
    mkdirSync(join(out, 'svar')); // exports go only to a folder that exists (and is not the data folder)
    expect(await runCli(['export-replies', '--data', dataDir, '--meeting', String(meetingId), '--out', join(out, 'svar')], io)).toBe(0);
    const files = readdirSync(join(out, 'svar'));
    expect(files).toHaveLength(1);
    expect((await pdfText(readFileSync(join(out, 'svar', files[0])))).text).toContain('Nästa steg: Remiss till strålbehandling');
    expect(await runCli(['export-agenda', '--data', dataDir, '--out', join(out, 'x.pdf')], io)).toBe(2);
    expect(lines.join('\n')).toContain('Ange mötets id med --meeting');
  });
});
