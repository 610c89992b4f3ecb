import type { Migration } from '../migrate';
import { readIcd10File } from '../../reference/files';

/**
 * ICD-10-SE texts for the codes the care areas admit (resources/reference/icd10-se.json, with its
 * source and edition), and the care plan's diagnosis as the patient reads it: the ICD-10 code (its
 * Swedish text comes from the table) plus an optional plain-language sentence.
 */
export const m0014_icd10_se: Migration = {
  id: '0014_icd10_se',
  up(db) {
    const file = readIcd10File();
    db.exec(`
      CREATE TABLE icd10_code (
        code TEXT PRIMARY KEY CHECK (code GLOB '[A-Z][0-9][0-9]*'),
        text_sv TEXT NOT NULL CHECK (length(text_sv) > 0)
      ) STRICT;
      ALTER TABLE care_plan ADD COLUMN diagnosis_code TEXT;
      ALTER TABLE care_plan ADD COLUMN diagnosis_plain TEXT;
    `);
    const insert = db.prepare('INSERT INTO icd10_code (code, text_sv) VALUES (?, ?)');
    for (const c of file.codes) insert.run(c.code, c.textSv);
    db.prepare("INSERT INTO setting (key, value) VALUES ('reference.icd10Edition', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
      JSON.stringify(file.edition),
    );
    // Existing plans take the code from their referral; their text was written by hand and stays.
    db.exec('UPDATE care_plan SET diagnosis_code = (SELECT r.icd10 FROM referral r WHERE r.id = care_plan.referral_id)');
  },
};
