import type { Migration } from '../migrate';

/**
 * The filled registration form (anmälningsblankett) a referral was read in from, kept inside the
 * encrypted database so it can be opened from the referral. `sha256` makes reading the same file
 * twice add nothing.
 */
export const m0031_referral_forms: Migration = {
  id: '0031_referral_forms',
  up(db) {
    db.exec(`
      CREATE TABLE referral_form_file (
        referral_id INTEGER PRIMARY KEY REFERENCES referral(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,
        bytes BLOB NOT NULL,
        form_version INTEGER NOT NULL,
        read_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
