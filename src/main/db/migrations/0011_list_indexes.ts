import type { Migration } from '../migrate';

/**
 * Indexes for the inbox search and the case-list proposal (1,000 eligible referrals ranked in
 * under 20 ms):
 * - a search joins thousands of matching patients to their referrals: the columns the inbox filters
 *   and orders by sit in the patient's index entry, so the join never reads the referral table;
 * - for the proposal, every column that ranks a candidate, so the care area's complete referrals are read from the
 *   index alone (before, a table lookup per referral);
 * - the few pending list items, so "already waiting on a planned list" is a probe into a small index;
 * - current recommendations with a re-discussion date, so the re-discussion candidates are found from
 *   the dates instead of from every discussed referral.
 */
export const m0011_list_indexes: Migration = {
  id: '0011_list_indexes',
  up(db) {
    db.exec(`
      CREATE INDEX referral_patient_list ON referral(patient_id, received_date, status, care_area_code, priority, suspicion_date, referring_unit_id);
      DROP INDEX referral_patient; -- its prefix of the one above
      CREATE INDEX referral_proposal ON referral(care_area_code, status, priority, received_date, suspicion_date, patient_id);
      CREATE INDEX case_list_item_pending ON case_list_item(referral_id, meeting_id) WHERE outcome = 'pending';
      CREATE INDEX recommendation_rediscuss ON recommendation(rediscuss_date, referral_id) WHERE rediscuss_date IS NOT NULL AND superseded_at IS NULL;
    `);
  },
};
