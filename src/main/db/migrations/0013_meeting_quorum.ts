import type { Migration } from '../migrate';

/**
 * A meeting finalised without quorum keeps it on record: the required roles that were missing (JSON
 * array of role codes) and the chair's reason for finalising anyway. Both null for a quorate meeting.
 */
export const m0013_meeting_quorum: Migration = {
  id: '0013_meeting_quorum',
  up(db) {
    db.exec(`
      ALTER TABLE meeting ADD COLUMN quorum_missing_roles TEXT CHECK (quorum_missing_roles IS NULL OR json_valid(quorum_missing_roles));
      ALTER TABLE meeting ADD COLUMN quorum_reason TEXT;
    `);
  },
};
