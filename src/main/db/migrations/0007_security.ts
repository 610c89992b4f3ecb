import type { Migration } from '../migrate';

/**
 * The access log (loggning av åtkomst, Patientdatalagen 4 kap. 3 §, HSLF-FS 2016:40): one row per
 * touch of a patient's data. Who, in which role and unit, is copied into the row, so the log stays
 * true when an account later changes. Append-only, enforced by the database itself: any UPDATE or
 * DELETE aborts. Nothing in the application deletes rows, so they are kept well beyond five years.
 */
export const m0007_security: Migration = {
  id: '0007_security',
  up(db) {
    db.exec(`
      CREATE TABLE access_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL, -- UTC ISO-8601
        user_id INTEGER, -- account id in the keystore (accounts live outside the encrypted database)
        user_name TEXT NOT NULL, -- HSA-id or local user name
        user_full_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('administrator', 'coordinator', 'contact_nurse', 'physician')),
        unit_id INTEGER,
        unit_name TEXT,
        patient_id INTEGER NOT NULL,
        patient_identifier TEXT, -- personnummer etc. at the time of access
        action TEXT NOT NULL CHECK (action IN ('read', 'change', 'export', 'print')),
        object_type TEXT NOT NULL,
        object_id TEXT NOT NULL,
        method TEXT NOT NULL
      ) STRICT;
      CREATE INDEX access_log_patient ON access_log(patient_id, at);
      CREATE INDEX access_log_identifier ON access_log(patient_identifier, at);
      CREATE INDEX access_log_at ON access_log(at);

      CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
      BEGIN
        SELECT RAISE(ABORT, 'access_log is append-only');
      END;
      CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
      BEGIN
        SELECT RAISE(ABORT, 'access_log is append-only');
      END;
    `);
  },
};
