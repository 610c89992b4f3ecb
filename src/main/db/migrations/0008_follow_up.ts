import type { Migration } from '../migrate';

/**
 * The MDK date of a referral (the first meeting where it was discussed: a case-list item marked
 * discussed, or a recommendation) for one referral id expression, recomputed from scratch.
 */
const recomputeMdkDate = (referralId: string) => `
  DELETE FROM referral_mdk_date WHERE referral_id = ${referralId};
  INSERT INTO referral_mdk_date (referral_id, care_area_code, mdk_date)
    SELECT r.id, r.care_area_code, first.d FROM referral r,
      (SELECT min(m.local_date) AS d FROM meeting m WHERE m.id IN (
         SELECT meeting_id FROM case_list_item WHERE referral_id = ${referralId} AND outcome = 'discussed'
         UNION SELECT meeting_id FROM recommendation WHERE referral_id = ${referralId})) AS first
     WHERE r.id = ${referralId} AND first.d IS NOT NULL;`;

/**
 * Follow-up. Each dashboard figure is one set-based query over a care area and a period,
 * so ten years of referrals must be reachable by range, never by a full scan:
 * - covering indexes for volumes, the completeness cohort, the completion steps of the timeline;
 * - referral_mdk_date: each referral's MDK date, kept by triggers on the rows that decide it
 *   (case-list outcomes, recommendations, meeting dates), like an index the lead times range over.
 *   Triggers recompute the one referral touched, so whichever feature writes those rows, it holds.
 */
export const m0008_follow_up: Migration = {
  id: '0008_follow_up',
  up(db) {
    db.exec(`
      CREATE INDEX referral_area_received_date
        ON referral(care_area_code, received_date, status, referring_unit_id, suspicion_date, treatment_start_date);
      CREATE INDEX referral_area_discharge_date ON referral(care_area_code, discharge_date) WHERE discharge_date IS NOT NULL;
      CREATE INDEX referral_event_completion ON referral_event(referral_id, at, to_status, from_status)
        WHERE to_status = 'awaiting_completion' OR from_status = 'awaiting_completion';
      CREATE INDEX case_list_item_meeting_outcome ON case_list_item(meeting_id, outcome, referral_id);
      CREATE INDEX recommendation_meeting ON recommendation(meeting_id, referral_id);

      -- No foreign key: a derived row must never stop another feature deleting a referral.
      CREATE TABLE referral_mdk_date (
        referral_id INTEGER PRIMARY KEY,
        care_area_code TEXT NOT NULL,
        mdk_date TEXT NOT NULL -- YYYY-MM-DD, the meeting's Stockholm date
      ) STRICT;
      CREATE INDEX referral_mdk_date_area ON referral_mdk_date(care_area_code, mdk_date);

      CREATE TRIGGER follow_up_mdk_case_insert AFTER INSERT ON case_list_item WHEN NEW.outcome = 'discussed'
      BEGIN ${recomputeMdkDate('NEW.referral_id')} END;
      CREATE TRIGGER follow_up_mdk_case_update AFTER UPDATE OF outcome, meeting_id, referral_id ON case_list_item
      BEGIN ${recomputeMdkDate('OLD.referral_id')} ${recomputeMdkDate('NEW.referral_id')} END;
      CREATE TRIGGER follow_up_mdk_case_delete AFTER DELETE ON case_list_item WHEN OLD.outcome = 'discussed'
      BEGIN ${recomputeMdkDate('OLD.referral_id')} END;
      CREATE TRIGGER follow_up_mdk_recommendation_insert AFTER INSERT ON recommendation
      BEGIN ${recomputeMdkDate('NEW.referral_id')} END;
      CREATE TRIGGER follow_up_mdk_recommendation_update AFTER UPDATE OF meeting_id, referral_id ON recommendation
      BEGIN ${recomputeMdkDate('OLD.referral_id')} ${recomputeMdkDate('NEW.referral_id')} END;
      CREATE TRIGGER follow_up_mdk_recommendation_delete AFTER DELETE ON recommendation
      BEGIN ${recomputeMdkDate('OLD.referral_id')} END;
      -- A meeting moved to another day moves the MDK date of everyone discussed there.
      CREATE TRIGGER follow_up_mdk_meeting_moved AFTER UPDATE OF local_date ON meeting
      BEGIN
        DELETE FROM referral_mdk_date WHERE referral_id IN (
          SELECT referral_id FROM case_list_item WHERE meeting_id = NEW.id UNION SELECT referral_id FROM recommendation WHERE meeting_id = NEW.id);
        INSERT INTO referral_mdk_date (referral_id, care_area_code, mdk_date)
          SELECT r.id, r.care_area_code, min(m.local_date) FROM referral r
            JOIN (SELECT referral_id, meeting_id FROM case_list_item WHERE outcome = 'discussed'
                  UNION SELECT referral_id, meeting_id FROM recommendation) x ON x.referral_id = r.id
            JOIN meeting m ON m.id = x.meeting_id
           WHERE r.id IN (SELECT referral_id FROM case_list_item WHERE meeting_id = NEW.id UNION SELECT referral_id FROM recommendation WHERE meeting_id = NEW.id)
           GROUP BY r.id;
      END;
      CREATE TRIGGER follow_up_mdk_referral_area AFTER UPDATE OF care_area_code ON referral
      BEGIN UPDATE referral_mdk_date SET care_area_code = NEW.care_area_code WHERE referral_id = NEW.id; END;
      CREATE TRIGGER follow_up_mdk_referral_delete AFTER DELETE ON referral
      BEGIN DELETE FROM referral_mdk_date WHERE referral_id = OLD.id; END;

      -- Referrals discussed before this migration.
      INSERT INTO referral_mdk_date (referral_id, care_area_code, mdk_date)
        SELECT r.id, r.care_area_code, min(m.local_date) FROM referral r
          JOIN (SELECT referral_id, meeting_id FROM case_list_item WHERE outcome = 'discussed'
                UNION SELECT referral_id, meeting_id FROM recommendation) x ON x.referral_id = r.id
          JOIN meeting m ON m.id = x.meeting_id
         GROUP BY r.id;
    `);
  },
};
