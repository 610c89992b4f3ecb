import type { Migration } from '../migrate';

/**
 * Team mode, as 0023 did for referrals: the case list's order (one version per meeting's list, raised
 * by every added, removed, moved or re-timed case; the service notes who and when), recommendations and
 * care plans carry a version, so a save based on an
 * older one is refused as a conflict instead of overwriting someone else's change. Row versions rise
 * by trigger on every UPDATE, so no write path can forget them.
 */
/** A row version raised by every UPDATE that does not set it itself (as referral's, migration 0023). */
const rowVersion = (table: string) => `
  ALTER TABLE ${table} ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
  CREATE TRIGGER ${table}_row_version AFTER UPDATE ON ${table}
    WHEN NEW.row_version = OLD.row_version
  BEGIN
    UPDATE ${table} SET row_version = OLD.row_version + 1 WHERE id = NEW.id;
  END;`;

export const m0032_more_row_versions: Migration = {
  id: '0032_more_row_versions',
  up(db) {
    db.exec(`
      ALTER TABLE meeting ADD COLUMN case_list_version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE meeting ADD COLUMN case_list_changed_by TEXT;
      ALTER TABLE meeting ADD COLUMN case_list_changed_at TEXT;
      CREATE TRIGGER case_list_version_insert AFTER INSERT ON case_list_item
      BEGIN
        UPDATE meeting SET case_list_version = case_list_version + 1 WHERE id = NEW.meeting_id;
      END;
      CREATE TRIGGER case_list_version_delete AFTER DELETE ON case_list_item
      BEGIN
        UPDATE meeting SET case_list_version = case_list_version + 1 WHERE id = OLD.meeting_id;
      END;
      CREATE TRIGGER case_list_version_update AFTER UPDATE OF meeting_id, position, minutes ON case_list_item
      BEGIN
        UPDATE meeting SET case_list_version = case_list_version + 1 WHERE id IN (OLD.meeting_id, NEW.meeting_id);
      END;
      ${rowVersion('recommendation')}
      ${rowVersion('care_plan')}
      ALTER TABLE care_plan ADD COLUMN updated_by TEXT;
    `);
  },
};
