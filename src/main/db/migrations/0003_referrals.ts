import type { Migration } from '../migrate';
import { DEFAULT_REQUIRED_FIELDS } from '../../../shared/domain/completeness';

/** The search text of one patient: names and every identifier value (12 digits for national numbers). */
const namesAndIds = `p.given_name || ' ' || p.family_name ||
    coalesce(' ' || (SELECT group_concat(i.value, ' ') FROM patient_identifier i WHERE i.patient_id = p.id), '')`;
const searchText = (patientId: string) => `(SELECT ${namesAndIds} FROM patient p WHERE p.id = ${patientId})`;

const refresh = (patientId: string) => `
    DELETE FROM patient_search WHERE rowid = ${patientId};
    INSERT INTO patient_search (rowid, text) SELECT ${patientId}, ${searchText(patientId)} WHERE EXISTS (SELECT 1 FROM patient WHERE id = ${patientId});`;

/**
 * Referrals: a trigram full-text index over patients' names and identifiers, so the inbox
 * finds "any part" of either among 100,000 patients in a few milliseconds. Triggers keep it in step
 * with every writer (this feature, the demo data, test factories). Also: the lead-time clock index
 * and the default completeness rules of the care areas.
 */
export const m0003_referrals: Migration = {
  id: '0003_referrals',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE patient_search USING fts5(text, tokenize = 'trigram');
      -- How many patients hold each trigram: the search starts from the rarest ones.
      CREATE VIRTUAL TABLE patient_search_vocab USING fts5vocab(patient_search, 'row');
      INSERT INTO patient_search (rowid, text) SELECT p.id, ${namesAndIds} FROM patient p;

      -- While a bulk import holds the row here, it indexes its new patients once at its end instead.
      CREATE TABLE search_deferral (id INTEGER PRIMARY KEY CHECK (id = 1)) STRICT;

      CREATE TRIGGER patient_search_insert AFTER INSERT ON patient WHEN NOT EXISTS (SELECT 1 FROM search_deferral) BEGIN
        INSERT INTO patient_search (rowid, text) VALUES (new.id, new.given_name || ' ' || new.family_name);
      END;
      CREATE TRIGGER patient_search_update AFTER UPDATE OF given_name, family_name ON patient BEGIN ${refresh('new.id')} END;
      CREATE TRIGGER patient_search_delete AFTER DELETE ON patient BEGIN DELETE FROM patient_search WHERE rowid = old.id; END;
      CREATE TRIGGER patient_identifier_search_insert AFTER INSERT ON patient_identifier WHEN NOT EXISTS (SELECT 1 FROM search_deferral) BEGIN ${refresh('new.patient_id')} END;
      CREATE TRIGGER patient_identifier_search_update AFTER UPDATE ON patient_identifier BEGIN ${refresh('old.patient_id')} ${refresh('new.patient_id')} END;
      CREATE TRIGGER patient_identifier_search_delete AFTER DELETE ON patient_identifier BEGIN ${refresh('old.patient_id')} END;

      -- Lead-time sort: the clock starts at suspicion where known, else at receipt.
      CREATE INDEX referral_clock ON referral(coalesce(suspicion_date, received_date));
      CREATE INDEX referral_patient_area ON referral(patient_id, care_area_code, status);
    `);
    db.prepare("UPDATE care_area SET required_fields = ? WHERE required_fields = '[]'").run(JSON.stringify(DEFAULT_REQUIRED_FIELDS));
  },
};
