import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tempDir, testCore } from './helpers';
import { insertMeeting, insertPatient, insertReferral, unitIdByCode } from '../factories';
import { setWorkplace } from '../../src/main/services/system/workplace';
import { openDatabase } from '../../src/main/db/driver';
import { migrate } from '../../src/main/db/migrate';
import { migrations } from '../../src/main/db/migrations';
import { readReferenceFiles } from '../../src/main/reference/files';
import { readTreatmentOptionsFile } from '../../src/main/reference/treatment-options';

describe('shipped treatment options (reference data)', () => {
  it('the file covers every shipped care area and names a national care programme as source', () => {
    const shipped = readTreatmentOptionsFile();
    expect(shipped.map((a) => a.careAreaCode).sort()).toEqual(
      readReferenceFiles()
        .careAreas.map((a) => a.code)
        .sort(),
    );
    for (const a of shipped) {
      expect(a.source).toMatch(/Nationellt vårdprogram/);
      expect(new Set(a.options).size).toBe(a.options.length);
    }
  });

  it('a new installation records a recommendation with a shipped option, without editing settings first', async () => {
    const { core, api } = await testCore({ localRole: 'physician' });
    const ref = await api.call('reference.get', {});
    const anal = ref.careAreas.find((a) => a.code === 'ANAL')!;
    expect(anal.treatmentOptions).toContain('Kurativ kemoradioterapi');
    expect(anal.treatmentOptionsSource).toMatch(/Nationellt vårdprogram Analcancer/);
    expect(ref.careAreas.every((a) => a.treatmentOptions.length > 0)).toBe(true);

    const db = core.db;
    setWorkplace(db, { unitId: unitIdByCode(db, 'SU'), careAreaCodes: ['ANAL'] });
    const meetingId = insertMeeting(db, { localDate: '2026-11-20', startsAt: '2026-11-20T07:00:00.000Z' });
    const referralId = insertReferral(db, { patientId: insertPatient(db, { familyName: 'Holm', givenName: 'Eva', birthDate: '1950-01-02' }) });
    await api.call('caseLists.add', { meetingId, referralIds: [referralId] });
    await api.call('caseLists.lock', { meetingId });
    const saved = await api.call('recommendations.record', {
      meetingId,
      referralId,
      intent: 'curative',
      treatments: ['Kurativ kemoradioterapi'],
      treatmentText: null,
      placeOfTreatment: null,
      nextStep: null,
      responsibleUnitId: null,
      rediscussDate: null,
    });
    expect(saved.version).toBe(1);
    const list = await api.call('caseLists.get', { meetingId });
    expect(list.items[0].recommendations[0].treatments).toEqual(['Kurativ kemoradioterapi']);
  });

  it('the migration keeps a list a unit already edited and fills only the empty ones', () => {
    const db = openDatabase(join(tempDir(), 'x.sqlite'));
    try {
      const before = migrations.findIndex((m) => m.id === '0025_treatment_options');
      migrate(db, migrations.slice(0, before));
      db.prepare("UPDATE care_area SET treatment_options = ? WHERE code = 'ANAL'").run(JSON.stringify(['Vår egen lista']));
      migrate(db, migrations);
      const rows = db.prepare('SELECT code, treatment_options o, treatment_options_source s FROM care_area').all() as {
        code: string;
        o: string;
        s: string | null;
      }[];
      const anal = rows.find((r) => r.code === 'ANAL')!;
      expect(JSON.parse(anal.o)).toEqual(['Vår egen lista']);
      expect(anal.s).toBeNull();
      const sarcoma = rows.find((r) => r.code === 'SARCOMA')!;
      expect(JSON.parse(sarcoma.o)).toContain('Preoperativ strålbehandling');
      expect(sarcoma.s).toMatch(/Sarkom/);
    } finally {
      db.close();
    }
  });
});
