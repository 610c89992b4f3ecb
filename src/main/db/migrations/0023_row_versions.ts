import type { Migration } from '../migrate';

/**
 * Team mode: two people can edit the same referral from two computers. Each row carries a version
 * that every UPDATE raises (a trigger, so no write path can forget it) and the name of who last
 * changed its fields; a save based on an older version is refused as a conflict, never applied.
 */
export const m0023_row_versions: Migration = {
  id: '0023_row_versions',
  up(db) {
    db.exec(`
      ALTER TABLE referral ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE referral ADD COLUMN updated_by TEXT;
      CREATE TRIGGER referral_row_version AFTER UPDATE ON referral
        WHEN NEW.row_version = OLD.row_version
      BEGIN
        UPDATE referral SET row_version = OLD.row_version + 1 WHERE id = NEW.id;
      END;
    `);
  },
};
