import type { Migration } from '../migrate';

/**
 * Indexes for the follow-up dashboard (issue 8): each figure is one set-based query over a care
 * area and a period, so ten years of referrals must be reachable by range, not by a full scan.
 */
export const m0008_follow_up: Migration = {
  id: '0008_follow_up',
  up(db) {
    db.exec(`
      -- Covering: volumes per month / unit, the completeness cohort and the lead-time dates read
      -- only this index, never the wide referral rows.
      CREATE INDEX referral_area_received_date
        ON referral(care_area_code, received_date, status, referring_unit_id, suspicion_date, treatment_start_date);
      -- Covering and small: only the completion steps of the timeline.
      CREATE INDEX referral_event_completion ON referral_event(referral_id, at, to_status, from_status)
        WHERE to_status = 'awaiting_completion' OR from_status = 'awaiting_completion';
      CREATE INDEX referral_area_discharge_date ON referral(care_area_code, discharge_date) WHERE discharge_date IS NOT NULL;
      -- Covering: the MDK date of every referral (first discussion) comes from these two alone.
      CREATE INDEX case_list_item_meeting_outcome ON case_list_item(meeting_id, outcome, referral_id);
      CREATE INDEX recommendation_meeting ON recommendation(meeting_id, referral_id);
    `);
  },
};
