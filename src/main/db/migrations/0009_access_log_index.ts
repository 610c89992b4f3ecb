import type { Migration } from '../migrate';

/**
 * The access log's per-patient index, built in batches instead of on every call, so that logging
 * every read keeps the inbox and the proposal within their budgets. An index row per access, written inside each call, cost a random B-tree
 * insert per patient shown: a search listing 600 patients spent ~150 ms writing them. The log itself is
 * now a plain append (its rowid and `at` grow together); `access_log_patient_index` is filled behind it
 * in sorted batches (services/security/access-log-index.ts) and readers scan the short unindexed tail.
 * Like the log, the index is append-only; its high-water mark only moves forward.
 */
export const m0009_access_log_index: Migration = {
  id: '0009_access_log_index',
  up(db) {
    db.exec(`
      DROP INDEX access_log_patient;
      DROP INDEX access_log_identifier;

      CREATE TABLE access_log_patient_index (
        patient_id INTEGER NOT NULL,
        log_id INTEGER NOT NULL,
        PRIMARY KEY (patient_id, log_id)
      ) WITHOUT ROWID, STRICT;
      -- Rows of access_log with id <= indexed_upto are in access_log_patient_index.
      CREATE TABLE access_log_index_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        indexed_upto INTEGER NOT NULL
      ) STRICT;

      INSERT INTO access_log_patient_index (patient_id, log_id) SELECT patient_id, id FROM access_log ORDER BY patient_id, id;
      INSERT INTO access_log_index_state (id, indexed_upto) VALUES (1, (SELECT ifnull(max(id), 0) FROM access_log));

      CREATE TRIGGER access_log_patient_index_no_update BEFORE UPDATE ON access_log_patient_index
      BEGIN SELECT RAISE(ABORT, 'access_log_patient_index is append-only'); END;
      CREATE TRIGGER access_log_patient_index_no_delete BEFORE DELETE ON access_log_patient_index
      BEGIN SELECT RAISE(ABORT, 'access_log_patient_index is append-only'); END;
      CREATE TRIGGER access_log_index_state_forward BEFORE UPDATE ON access_log_index_state
      WHEN NEW.indexed_upto < OLD.indexed_upto OR NEW.id <> OLD.id
      BEGIN SELECT RAISE(ABORT, 'access_log_index_state only moves forward'); END;
      CREATE TRIGGER access_log_index_state_no_delete BEFORE DELETE ON access_log_index_state
      BEGIN SELECT RAISE(ABORT, 'access_log_index_state is kept'); END;
    `);
  },
};
