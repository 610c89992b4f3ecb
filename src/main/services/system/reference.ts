import type { Db } from '../../db/driver';
import type { CareArea, ReferenceData, Unit } from '../../../shared/domain/reference';
import type { CareAreaInput, UnitInput } from '../../../shared/api/methods/system';
import { conflict, invalid, notFound } from '../../../shared/api/errors';

interface UnitRow {
  id: number;
  code: string | null;
  name: string;
  region_code: string;
  healthcare_region_code: string;
  city: string | null;
  is_university_hospital: number;
  phone: string | null;
  phone_hours: string | null;
  address: string | null;
  email: string | null;
  active: number;
}

export const toUnit = (r: UnitRow): Unit => ({
  id: r.id,
  code: r.code,
  name: r.name,
  regionCode: r.region_code,
  healthcareRegionCode: r.healthcare_region_code,
  city: r.city,
  isUniversityHospital: r.is_university_hospital === 1,
  phone: r.phone,
  phoneHours: r.phone_hours,
  address: r.address,
  email: r.email,
  active: r.active === 1,
});

export function getUnit(db: Db, id: number): Unit {
  const row = db.prepare('SELECT * FROM unit WHERE id = ?').get(id) as UnitRow | undefined;
  if (!row) throw notFound('unit', id);
  return toUnit(row);
}

export function listCareAreas(db: Db): CareArea[] {
  const national = db.prepare('SELECT care_area_code, unit_id FROM care_area_national_unit ORDER BY unit_id').all() as {
    care_area_code: string;
    unit_id: number;
  }[];
  const rows = db.prepare('SELECT * FROM care_area ORDER BY name_sv').all() as {
    code: string;
    name_sv: string;
    name_en: string;
    icd10: string;
    active: number;
    lead_time_target_days: number;
    required_fields: string;
    treatment_options: string;
    treatment_options_source: string | null;
  }[];
  return rows.map((r) => ({
    code: r.code,
    nameSv: r.name_sv,
    nameEn: r.name_en,
    icd10: JSON.parse(r.icd10) as string[],
    nationalUnitIds: national.filter((n) => n.care_area_code === r.code).map((n) => n.unit_id),
    active: r.active === 1,
    leadTimeTargetDays: r.lead_time_target_days,
    requiredFields: JSON.parse(r.required_fields) as string[],
    treatmentOptions: JSON.parse(r.treatment_options) as string[],
    treatmentOptionsSource: r.treatment_options_source,
  }));
}

export function getReferenceData(db: Db): ReferenceData {
  return {
    healthcareRegions: db
      .prepare('SELECT code, name_sv AS nameSv, name_en AS nameEn FROM healthcare_region ORDER BY name_sv')
      .all() as ReferenceData['healthcareRegions'],
    regions: db
      .prepare('SELECT code, name, default_healthcare_region_code AS defaultHealthcareRegionCode FROM region ORDER BY name')
      .all() as ReferenceData['regions'],
    units: (db.prepare('SELECT * FROM unit ORDER BY name').all() as UnitRow[]).map(toUnit),
    careAreas: listCareAreas(db),
  };
}

function checkRegions(db: Db, regionCode: string, healthcareRegionCode: string): void {
  if (!db.prepare('SELECT 1 FROM region WHERE code = ?').get(regionCode)) throw invalid('regionCode', 'reference.unknownRegion', { code: regionCode });
  if (!db.prepare('SELECT 1 FROM healthcare_region WHERE code = ?').get(healthcareRegionCode))
    throw invalid('healthcareRegionCode', 'reference.unknownHealthcareRegion', { code: healthcareRegionCode });
}

/** Creates or updates a unit (referring units can be added on the spot). */
export function saveUnit(db: Db, input: Required<Omit<UnitInput, 'id'>> & { id?: number }): { id: number } {
  checkRegions(db, input.regionCode, input.healthcareRegionCode);
  if (input.code) {
    const clash = db.prepare('SELECT id FROM unit WHERE code = ? AND id IS NOT ?').get(input.code, input.id ?? null);
    if (clash) throw conflict('reference.duplicateUnit', { code: input.code });
  }
  const values = [
    input.code,
    input.name,
    input.regionCode,
    input.healthcareRegionCode,
    input.city,
    input.isUniversityHospital ? 1 : 0,
    input.phone,
    input.phoneHours,
    input.address,
    input.email,
    input.active ? 1 : 0,
  ];
  if (input.id) {
    getUnit(db, input.id);
    db.prepare(
      `UPDATE unit SET code = ?, name = ?, region_code = ?, healthcare_region_code = ?, city = ?, is_university_hospital = ?,
       phone = ?, phone_hours = ?, address = ?, email = ?, active = ? WHERE id = ?`,
    ).run(...values, input.id);
    return { id: input.id };
  }
  const res = db
    .prepare(
      `INSERT INTO unit (code, name, region_code, healthcare_region_code, city, is_university_hospital, phone, phone_hours, address, email, active)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(...values);
  return { id: Number(res.lastInsertRowid) };
}

export function saveCareArea(db: Db, input: Required<CareAreaInput>): { code: string } {
  for (const unitId of input.nationalUnitIds) getUnit(db, unitId);
  db.prepare(
    `INSERT INTO care_area (code, name_sv, name_en, icd10, active) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET name_sv = excluded.name_sv, name_en = excluded.name_en, icd10 = excluded.icd10, active = excluded.active`,
  ).run(input.code, input.nameSv, input.nameEn, JSON.stringify(input.icd10), input.active ? 1 : 0);
  db.prepare('DELETE FROM care_area_national_unit WHERE care_area_code = ?').run(input.code);
  const ins = db.prepare('INSERT INTO care_area_national_unit (care_area_code, unit_id) VALUES (?, ?)');
  for (const unitId of new Set(input.nationalUnitIds)) ins.run(input.code, unitId);
  return { code: input.code };
}
