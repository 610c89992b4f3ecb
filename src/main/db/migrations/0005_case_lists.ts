import type { Migration } from '../migrate';

/**
 * Case lists and the meeting: where a postponed case came from, and why a locked list
 * was opened again (the unlock reason is kept, never overwritten).
 */
export const m0005_case_lists: Migration = {
  id: '0005_case_lists',
  up(db) {
    db.exec(`
      ALTER TABLE case_list_item ADD COLUMN carried_from_meeting_id INTEGER REFERENCES meeting(id);
      CREATE INDEX case_list_item_meeting ON case_list_item(meeting_id, position);

      CREATE TABLE case_list_unlock (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        at TEXT NOT NULL,
        user_name TEXT NOT NULL,
        reason TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_list_unlock_meeting ON case_list_unlock(meeting_id);
    `);
  },
};
