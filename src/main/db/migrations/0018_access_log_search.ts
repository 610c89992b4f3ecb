import type { Migration } from '../migrate';

/**
 * The access log learns the action "search" (sökning): a search whose matches are counted tells the
 * caller that those patients exist and match, so each of them is logged, apart from reading. SQLite
 * cannot widen a CHECK in place, so the table is copied into its new definition (ids kept, so the
 * per-patient index of migration 0009 stays valid), and its index and append-only triggers return.
 */
export const m0018_access_log_search: Migration = {
  id: '0018_access_log_search',
  up(db) {
    // The rename touches only this table: other tables' triggers are not re-parsed (SQLite's
    // legacy rename), as one of them names a column of a CTE the modern check does not resolve.
    db.pragma('legacy_alter_table = ON');
    try {
      renameInto(db);
    } finally {
      db.pragma('legacy_alter_table = OFF');
    }
  },
};

function renameInto(db: Parameters<Migration['up']>[0]): void {
  db.exec(`
      CREATE TABLE access_log_next (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER,
        user_name TEXT NOT NULL,
        user_full_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('administrator', 'coordinator', 'contact_nurse', 'physician')),
        unit_id INTEGER,
        unit_name TEXT,
        patient_id INTEGER NOT NULL,
        patient_identifier TEXT,
        action TEXT NOT NULL CHECK (action IN ('read', 'change', 'export', 'print', 'search')),
        object_type TEXT NOT NULL,
        object_id TEXT NOT NULL,
        method TEXT NOT NULL
      ) STRICT;
      INSERT INTO access_log_next SELECT * FROM access_log ORDER BY id;
      DROP TABLE access_log;
      ALTER TABLE access_log_next RENAME TO access_log;
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
}
