import type { Migration } from '../migrate';

/**
 * What administrators do to the protection itself (a changed database key) is logged like a patient
 * access: who, when, from where. Append-only, like the access log.
 */
export const m0034_security_events: Migration = {
  id: '0034_security_events',
  up(db) {
    db.exec(`
      CREATE TABLE security_event (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER,
        user_name TEXT NOT NULL,
        user_full_name TEXT NOT NULL,
        role TEXT NOT NULL,
        client_address TEXT,
        event TEXT NOT NULL CHECK (event IN ('database_rekey')),
        detail TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE TRIGGER security_event_no_update BEFORE UPDATE ON security_event
      BEGIN
        SELECT RAISE(ABORT, 'security_event is append-only');
      END;
      CREATE TRIGGER security_event_no_delete BEFORE DELETE ON security_event
      BEGIN
        SELECT RAISE(ABORT, 'security_event is append-only');
      END;
    `);
  },
};
