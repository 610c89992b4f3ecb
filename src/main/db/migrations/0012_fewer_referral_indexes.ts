import type { Migration } from '../migrate';

/**
 * Every referral row is written into each of the table's indexes: a 10,000-row import paid
 * for three that no query needs any more. Query plans of every statement the service tests prepare
 * were compared before and after (each now uses one of the indexes that stay):
 * - `referral_area_status` is a prefix of `referral_proposal` (migration 0011);
 * - `referral_patient_area` is covered by `referral_patient_list` (patient first; a patient has few referrals);
 * - `referral_clock` served no query: the inbox's lead-time order begins with the open/closed split.
 */
export const m0012_fewer_referral_indexes: Migration = {
  id: '0012_fewer_referral_indexes',
  up(db) {
    db.exec(`
      DROP INDEX referral_area_status;
      DROP INDEX referral_patient_area;
      DROP INDEX referral_clock;
    `);
  },
};
