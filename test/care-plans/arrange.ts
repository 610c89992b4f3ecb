/** Arrange-only helpers for care-plan tests: a discharged patient at Sahlgrenska with unit contacts. */
import type { Db } from '../../src/main/db/driver';
import { insertPatient, insertReferral, unitIdByCode } from '../factories';

export function arrangeDischarge(
  db: Db,
  p: { familyName?: string; givenName?: string; personnummer?: string; planned?: string | null; discharged?: string | null } = {},
): { patientId: number; referralId: number; unitId: number } {
  const unitId = unitIdByCode(db, 'SU');
  db.prepare(
    "UPDATE unit SET phone = '031-342 10 00', phone_hours = 'Vardagar 8–16', address = 'Blå stråket 5, 413 45 Göteborg', email = 'kontakt@example.se' WHERE id = ?",
  ).run(unitId);
  const patientId = insertPatient(db, {
    familyName: p.familyName ?? 'Åström',
    givenName: p.givenName ?? 'Märta',
    personnummer: p.personnummer ?? '194612019882',
    homeRegionCode: '12',
  });
  const referralId = insertReferral(db, { patientId, careAreaCode: 'ANAL', status: 'discussed' });
  db.prepare('UPDATE referral SET planned_discharge_date = ?, discharge_date = ? WHERE id = ?').run(
    p.planned === undefined ? '2026-11-20' : p.planned,
    p.discharged ?? null,
    referralId,
  );
  return { patientId, referralId, unitId };
}

/** An independent FHIR R4 validator (the `fhir` package's R4 structure definitions), not our writer. */
export async function validateFhirR4(resource: unknown): Promise<{ valid: boolean; messages: { location?: string; message?: string; severity?: string }[] }> {
  const { Fhir } = (await import('fhir')) as unknown as {
    Fhir: new () => { validate(o: unknown, opts: object): { valid: boolean; messages: { location?: string; message?: string; severity?: string }[] } };
  };
  return new Fhir().validate(resource, { errorOnUnexpected: true });
}
