import type { Migration } from '../migrate';
import { readReferenceFiles } from '../../reference/files';

/** Settings, reference data (regions, units, care areas) loaded from resources/reference. */
export const m0001_foundation: Migration = {
  id: '0001_foundation',
  up(db) {
    db.exec(`
      CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL -- JSON
      ) STRICT;

      CREATE TABLE healthcare_region (
        code TEXT PRIMARY KEY,
        name_sv TEXT NOT NULL,
        name_en TEXT NOT NULL
      ) STRICT;

      CREATE TABLE region (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        default_healthcare_region_code TEXT REFERENCES healthcare_region(code)
      ) STRICT;

      CREATE TABLE unit (
        id INTEGER PRIMARY KEY,
        code TEXT UNIQUE,
        name TEXT NOT NULL,
        region_code TEXT NOT NULL REFERENCES region(code),
        healthcare_region_code TEXT NOT NULL REFERENCES healthcare_region(code),
        city TEXT,
        is_university_hospital INTEGER NOT NULL DEFAULT 0 CHECK (is_university_hospital IN (0, 1)),
        phone TEXT,
        phone_hours TEXT,
        address TEXT,
        email TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;
      CREATE INDEX unit_region ON unit(region_code);

      CREATE TABLE care_area (
        code TEXT PRIMARY KEY,
        name_sv TEXT NOT NULL,
        name_en TEXT NOT NULL,
        icd10 TEXT NOT NULL DEFAULT '[]', -- JSON array of codes or ranges
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        lead_time_target_days INTEGER NOT NULL DEFAULT 30 CHECK (lead_time_target_days > 0),
        required_fields TEXT NOT NULL DEFAULT '[]', -- JSON: referral fields required to be discussed
        treatment_options TEXT NOT NULL DEFAULT '[]' -- JSON: recommendation treatments to pick from
      ) STRICT;

      CREATE TABLE care_area_national_unit (
        care_area_code TEXT NOT NULL REFERENCES care_area(code) ON UPDATE CASCADE,
        unit_id INTEGER NOT NULL REFERENCES unit(id),
        PRIMARY KEY (care_area_code, unit_id)
      ) STRICT;
    `);

    const ref = readReferenceFiles();
    const insHr = db.prepare('INSERT INTO healthcare_region (code, name_sv, name_en) VALUES (?, ?, ?)');
    for (const h of ref.healthcareRegions) insHr.run(h.code, h.nameSv, h.nameEn);
    const insRegion = db.prepare('INSERT INTO region (code, name, default_healthcare_region_code) VALUES (?, ?, ?)');
    for (const r of ref.regions) insRegion.run(r.code, r.name, r.defaultHealthcareRegionCode);
    const insUnit = db.prepare('INSERT INTO unit (code, name, city, region_code, healthcare_region_code, is_university_hospital) VALUES (?, ?, ?, ?, ?, ?)');
    const unitIds = new Map<string, number>();
    for (const u of ref.units) {
      const res = insUnit.run(u.code, u.name, u.city, u.regionCode, u.healthcareRegionCode, u.isUniversityHospital ? 1 : 0);
      unitIds.set(u.code, Number(res.lastInsertRowid));
    }
    const insArea = db.prepare('INSERT INTO care_area (code, name_sv, name_en, icd10) VALUES (?, ?, ?, ?)');
    const insNational = db.prepare('INSERT INTO care_area_national_unit (care_area_code, unit_id) VALUES (?, ?)');
    for (const a of ref.careAreas) {
      insArea.run(a.code, a.nameSv, a.nameEn, JSON.stringify(a.icd10));
      for (const code of a.nationalUnitCodes) {
        const unitId = unitIds.get(code);
        if (unitId === undefined) throw new Error(`care-areas.json: unknown unit code ${code}`);
        insNational.run(a.code, unitId);
      }
    }
  },
};
