/**
 * The import's floor: the same CSV rows written into the same indexed tables (and their triggers)
 * with plain prepared statements in one transaction, doing the lookups the import must do: the
 * row's import key, the patient by identifier (system, value, issuing region), an open referral of
 * that patient in the care area. No validation, no preview, no access log, no chunks.
 */
import Papa from 'papaparse';
import { hash } from 'node:crypto';
import type { Db } from '../../src/main/db/driver';

export function importFloor(db: Db, csv: string): number {
  const rows = Papa.parse<Record<string, string>>(csv, { delimiter: ';', header: true, skipEmptyLines: true }).data;
  const at = new Date().toISOString();
  const unit = db.prepare('SELECT id FROM unit WHERE code = ?').pluck();
  const imported = db.prepare('SELECT 1 FROM referral WHERE import_key = ?');
  const patientOf = db.prepare("SELECT patient_id FROM patient_identifier WHERE system = ? AND value = ? AND ifnull(issuer_region_code, '') = ?").pluck();
  const openIn = db.prepare("SELECT 1 FROM referral WHERE patient_id = ? AND care_area_code = ? AND status NOT IN ('closed', 'withdrawn')");
  const insPatient = db.prepare('INSERT INTO patient (family_name, given_name, birth_date, sex, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insId = db.prepare(
    'INSERT INTO patient_identifier (patient_id, system, value, issuer_region_code, is_temporary, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insReferral = db.prepare(
    `INSERT INTO referral (patient_id, care_area_code, referring_unit_id, referring_physician, referring_phone, received_date, suspicion_date, question, icd10,
       diagnosis_basis, ecog, priority, status, status_changed_at, import_key, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'normal', 'received', ?, ?, ?, ?)`,
  );
  const insEvent = db.prepare(
    "INSERT INTO referral_event (referral_id, at, user_name, from_status, to_status, note) VALUES (?, ?, 'bench', NULL, 'received', ?)",
  );
  let written = 0;
  db.transaction(() => {
    const unitId = unit.get('HELSINGBORG') as number;
    for (const r of rows) {
      const key = 'csv:' + hash('sha256', `ext|${r.extern_id}`, 'hex').slice(0, 40);
      if (imported.get(key)) continue;
      const region = r.reservnummer_region;
      const digits = r.personnummer.replace('-', '');
      const system = region ? 'reservnummer' : Number(digits.slice(6, 8)) > 60 ? 'samordningsnummer' : 'personnummer';
      let patientId = patientOf.get(system, region ? r.personnummer : digits, region) as number | undefined;
      if (patientId === undefined) {
        const birth = region ? null : `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${String(Number(digits.slice(6, 8)) % 60).padStart(2, '0')}`;
        patientId = Number(insPatient.run(r.efternamn, r.fornamn, birth, region ? null : 'female', at, at).lastInsertRowid);
        insId.run(patientId, system, region ? r.personnummer : digits, region || null, region ? 1 : 0, at);
      } else if (openIn.get(patientId, r.vardomrade)) continue;
      const id = insReferral.run(
        patientId,
        r.vardomrade,
        unitId,
        r.remitterande_lakare,
        r.telefon,
        r.mottagen,
        r.valgrundad_misstanke,
        r.fragestallning,
        r.icd10,
        r.diagnosgrund.toLowerCase() === 'pad' ? 'pad' : 'clinical',
        Number(r.ecog),
        at,
        key,
        at,
        at,
      ).lastInsertRowid;
      insEvent.run(id, at, 'Importerad från bench.csv');
      written++;
    }
  }).immediate();
  return written;
}
