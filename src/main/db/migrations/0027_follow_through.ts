import type { Migration } from '../migrate';

/**
 * After the conference: the referral's psychosocial situation and what the patient has been told;
 * per case at a meeting, how the patient's wishes were taken into account, the trial considered and
 * when the case was opened and closed; the implementation status of each recommendation, as events.
 */
export const m0027_follow_through: Migration = {
  id: '0027_follow_through',
  up(db) {
    db.exec(`
      ALTER TABLE referral ADD COLUMN psychosocial TEXT;
      ALTER TABLE referral ADD COLUMN patient_told TEXT;

      CREATE TABLE case_consideration (
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        referral_id INTEGER NOT NULL REFERENCES referral(id),
        wishes_considered TEXT CHECK (wishes_considered IN ('yes', 'partly', 'no', 'not_known')),
        wishes_how TEXT,
        trial_considered INTEGER CHECK (trial_considered IN (0, 1)),
        trial_name TEXT,
        trial_eu_ct_number TEXT,
        trial_not_eligible_reason TEXT,
        opened_at TEXT,
        closed_at TEXT,
        PRIMARY KEY (meeting_id, referral_id)
      ) STRICT;

      -- Genomförande: one row per status change; the latest is the case's status.
      CREATE TABLE implementation_event (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        referral_id INTEGER NOT NULL REFERENCES referral(id),
        status TEXT NOT NULL CHECK (status IN ('awaiting', 'started', 'carried_out', 'deviated')),
        deviation_reason TEXT CHECK (deviation_reason IN ('patient_choice', 'comorbidity_or_performance', 'progression', 'other_clinical', 'not_known')),
        event_date TEXT NOT NULL,
        next_check_date TEXT,
        note TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        CHECK ((status = 'deviated') = (deviation_reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX implementation_event_case ON implementation_event(meeting_id, referral_id, id);
    `);
  },
};
