import type { Migration } from '../migrate';

/**
 * Team mode (enhetsserver): many computers use one database, so the access log also says from which
 * client address a user read or changed a patient's data. Null for the desktop app and the CLI.
 */
export const m0022_access_log_client_address: Migration = {
  id: '0022_access_log_client_address',
  up(db) {
    db.exec(`ALTER TABLE access_log ADD COLUMN client_address TEXT`);
  },
};
