import type { Migration } from '../migrate';

/**
 * The three lead times (ledtider) of one referral in calendar days, from its referral_mdk_date row
 * `d` and its referral `r`. NULL where the start or end date is not known.
 */
const LEAD_TIME_DAYS = `
  received_to_mdk_days = CAST(julianday(d.mdk_date) - julianday(r.received_date) AS INTEGER),
  suspicion_to_mdk_days = CAST(julianday(d.mdk_date) - julianday(r.suspicion_date) AS INTEGER),
  mdk_to_treatment_days = CAST(julianday(r.treatment_start_date) - julianday(d.mdk_date) AS INTEGER)`;

/** Recomputes the lead times of the referral_mdk_date rows matched by `where` (over `d`). */
const refreshLeadTimes = (where: string) => `
  UPDATE referral_mdk_date AS d SET ${LEAD_TIME_DAYS} FROM referral r WHERE r.id = d.referral_id AND ${where};`;

/** Sets the care area of the handovers matched by `where` (over `h`) from their plan's referral. */
const refreshHandoverArea = (where: string) => `
  UPDATE care_plan_handover AS h SET care_area_code = r.care_area_code
    FROM care_plan cp JOIN referral r ON r.id = cp.referral_id
   WHERE cp.id = h.care_plan_id AND ${where};`;

/**
 * The discharge of one referral (an expression) recomputed from scratch: a row while the referral
 * has a discharge date, saying whether some version of its care plan was finalised ('finalised',
 * or 'superseded': replaced after it was finalised; the CHECK of migration 0006 makes those exactly
 * the versions with finalised_at set).
 */
const dischargeRows = (where: string) => `
  INSERT INTO follow_up_discharge (referral_id, care_area_code, discharge_date, finalised_care_plan)
    SELECT r.id, r.care_area_code, r.discharge_date,
           EXISTS (SELECT 1 FROM care_plan cp WHERE cp.referral_id = r.id AND cp.status IN ('finalised', 'superseded'))
      FROM referral r WHERE r.discharge_date IS NOT NULL AND ${where};`;
const recomputeDischarge = (referralId: string) => `
  DELETE FROM follow_up_discharge WHERE referral_id = ${referralId}; ${dischargeRows(`r.id = ${referralId}`)}`;

/**
 * The completion requests (komplettering) of one referral (an expression) recomputed from scratch:
 * one row per step to awaiting_completion, with the referral's care area, received date and whether
 * it has been assessed (left status received), and the calendar days (between the UTC dates) until
 * the request was answered by the first later awaiting_completion → complete step; NULL while open.
 * The repeated "to/from awaiting_completion" condition lets SQLite use the partial index of 0008.
 */
const completionRequestRows = (where: string) => `
  INSERT INTO follow_up_completion_request (event_id, referral_id, care_area_code, received_date, assessed, answer_days)
    SELECT e.id, e.referral_id, r.care_area_code, r.received_date, r.status <> 'received',
           CAST(julianday(date((SELECT min(a.at) FROM referral_event a
                                 WHERE a.referral_id = e.referral_id AND a.at >= e.at AND a.to_status = 'complete'
                                   AND (a.to_status = 'awaiting_completion' OR a.from_status = 'awaiting_completion'))))
                - julianday(date(e.at)) AS INTEGER)
      FROM referral_event e JOIN referral r ON r.id = e.referral_id
     WHERE e.to_status = 'awaiting_completion' AND (e.to_status = 'awaiting_completion' OR e.from_status = 'awaiting_completion')
       AND ${where};`;
const recomputeCompletionRequests = (referralId: string) => `
  DELETE FROM follow_up_completion_request WHERE referral_id = ${referralId};
  ${completionRequestRows(`e.referral_id = ${referralId}`)}`;

/**
 * Follow-up dashboard over ten years of a care area without reading wide rows: each
 * figure ranges over one narrow covering index of its care area instead of looking up every
 * referral, care plan and handover by rowid (pages the connection's cache then keeps evicting).
 * - referral_mdk_date carries the referral's lead times in days, computed when its row is inserted
 *   (migration 0008's triggers write a changed MDK date as a new row, never in place) and when the
 *   referral's received, suspicion or treatment-start date changes;
 * - care_plan_handover carries the care area of its plan's referral, set when the handover is
 *   inserted or moved to another plan, when a plan moves to another referral and when a referral
 *   moves to another care area (directly or by a care-area code renamed with ON UPDATE CASCADE);
 *   the days from sent to confirmed are a generated column, so the index holds them;
 * - follow_up_discharge: each discharged referral's care area, discharge date and whether it has a
 *   finalised care plan, recomputed whenever the referral's discharge date or care area or any of
 *   its care plans changes, so the share with a finalised plan is read from one index range;
 * - follow_up_completion_request: each completion request with its referral's care area, received
 *   date and assessment and the days until it was answered, recomputed whenever the referral's
 *   timeline steps to or from awaiting_completion (or such a step is changed) and kept up to date
 *   when the referral's care area, received date or status changes, so no referral row is read.
 * All are derived: nothing writes them but these triggers.
 */
export const m0010_follow_up_covering: Migration = {
  id: '0010_follow_up_covering',
  up(db) {
    db.exec(`
      -- Each meeting's participants with their role and attendance, without reading their rows.
      CREATE INDEX meeting_participant_attendance ON meeting_participant(meeting_id, role, attendance);

      ALTER TABLE referral_mdk_date ADD COLUMN received_to_mdk_days INTEGER;
      ALTER TABLE referral_mdk_date ADD COLUMN suspicion_to_mdk_days INTEGER;
      ALTER TABLE referral_mdk_date ADD COLUMN mdk_to_treatment_days INTEGER;
      DROP INDEX referral_mdk_date_area;
      CREATE INDEX referral_mdk_date_received ON referral_mdk_date(care_area_code, received_to_mdk_days, mdk_date);
      CREATE INDEX referral_mdk_date_suspicion ON referral_mdk_date(care_area_code, suspicion_to_mdk_days, mdk_date);
      CREATE INDEX referral_mdk_date_treatment ON referral_mdk_date(care_area_code, mdk_to_treatment_days, mdk_date);

      CREATE TRIGGER follow_up_lead_times_insert AFTER INSERT ON referral_mdk_date
      BEGIN ${refreshLeadTimes('d.referral_id = NEW.referral_id')} END;
      CREATE TRIGGER follow_up_lead_times_referral_dates AFTER UPDATE OF received_date, suspicion_date, treatment_start_date ON referral
        WHEN OLD.received_date IS NOT NEW.received_date OR OLD.suspicion_date IS NOT NEW.suspicion_date
          OR OLD.treatment_start_date IS NOT NEW.treatment_start_date
      BEGIN ${refreshLeadTimes('d.referral_id = NEW.id')} END;

      ALTER TABLE care_plan_handover ADD COLUMN care_area_code TEXT;
      ALTER TABLE care_plan_handover ADD COLUMN confirmation_days INTEGER
        GENERATED ALWAYS AS (CAST(julianday(confirmed_date) - julianday(sent_date) AS INTEGER)) VIRTUAL;
      CREATE INDEX care_plan_handover_area_confirmation
        ON care_plan_handover(care_area_code, status, confirmation_days, sent_date);

      CREATE TRIGGER follow_up_handover_insert AFTER INSERT ON care_plan_handover
      BEGIN ${refreshHandoverArea('h.id = NEW.id')} END;
      CREATE TRIGGER follow_up_handover_plan_changed AFTER UPDATE OF care_plan_id ON care_plan_handover
      BEGIN ${refreshHandoverArea('h.id = NEW.id')} END;
      CREATE TRIGGER follow_up_handover_plan_referral_changed AFTER UPDATE OF referral_id ON care_plan
      BEGIN ${refreshHandoverArea('h.care_plan_id = NEW.id')} END;
      CREATE TRIGGER follow_up_handover_referral_area AFTER UPDATE OF care_area_code ON referral
        WHEN OLD.care_area_code IS NOT NEW.care_area_code
      BEGIN
        UPDATE care_plan_handover SET care_area_code = NEW.care_area_code
         WHERE care_plan_id IN (SELECT id FROM care_plan WHERE referral_id = NEW.id);
      END;

      -- No foreign key: a derived row must never stop another feature deleting a referral.
      CREATE TABLE follow_up_discharge (
        referral_id INTEGER PRIMARY KEY,
        care_area_code TEXT NOT NULL,
        discharge_date TEXT NOT NULL,
        finalised_care_plan INTEGER NOT NULL CHECK (finalised_care_plan IN (0, 1))
      ) STRICT;
      CREATE INDEX follow_up_discharge_area ON follow_up_discharge(care_area_code, finalised_care_plan, discharge_date);

      CREATE TRIGGER follow_up_discharge_referral_insert AFTER INSERT ON referral WHEN NEW.discharge_date IS NOT NULL
      BEGIN ${recomputeDischarge('NEW.id')} END;
      CREATE TRIGGER follow_up_discharge_referral_update AFTER UPDATE OF discharge_date, care_area_code ON referral
        WHEN OLD.discharge_date IS NOT NEW.discharge_date OR OLD.care_area_code IS NOT NEW.care_area_code
      BEGIN ${recomputeDischarge('NEW.id')} END;
      CREATE TRIGGER follow_up_discharge_referral_delete AFTER DELETE ON referral
      BEGIN DELETE FROM follow_up_discharge WHERE referral_id = OLD.id; END;
      CREATE TRIGGER follow_up_discharge_plan_insert AFTER INSERT ON care_plan
      BEGIN ${recomputeDischarge('NEW.referral_id')} END;
      CREATE TRIGGER follow_up_discharge_plan_update AFTER UPDATE OF status, referral_id ON care_plan
      BEGIN ${recomputeDischarge('OLD.referral_id')} ${recomputeDischarge('NEW.referral_id')} END;
      CREATE TRIGGER follow_up_discharge_plan_delete AFTER DELETE ON care_plan
      BEGIN ${recomputeDischarge('OLD.referral_id')} END;

      -- A referral with requests has events, so it cannot be deleted before they are (foreign key).
      CREATE TABLE follow_up_completion_request (
        event_id INTEGER PRIMARY KEY, -- the referral_event that asked for completion
        referral_id INTEGER NOT NULL,
        care_area_code TEXT NOT NULL,
        received_date TEXT NOT NULL,
        assessed INTEGER NOT NULL CHECK (assessed IN (0, 1)),
        answer_days INTEGER
      ) STRICT;
      CREATE INDEX follow_up_completion_request_area
        ON follow_up_completion_request(care_area_code, assessed, received_date, referral_id, answer_days);
      CREATE INDEX follow_up_completion_request_referral ON follow_up_completion_request(referral_id);

      CREATE TRIGGER follow_up_completion_event_insert AFTER INSERT ON referral_event
        WHEN NEW.to_status = 'awaiting_completion' OR NEW.from_status = 'awaiting_completion'
      BEGIN ${recomputeCompletionRequests('NEW.referral_id')} END;
      CREATE TRIGGER follow_up_completion_event_update AFTER UPDATE OF referral_id, at, from_status, to_status ON referral_event
      BEGIN ${recomputeCompletionRequests('OLD.referral_id')} ${recomputeCompletionRequests('NEW.referral_id')} END;
      CREATE TRIGGER follow_up_completion_event_delete AFTER DELETE ON referral_event
        WHEN OLD.to_status = 'awaiting_completion' OR OLD.from_status = 'awaiting_completion'
      BEGIN ${recomputeCompletionRequests('OLD.referral_id')} END;
      CREATE TRIGGER follow_up_completion_referral_update AFTER UPDATE OF care_area_code, received_date, status ON referral
        WHEN OLD.care_area_code IS NOT NEW.care_area_code OR OLD.received_date IS NOT NEW.received_date
          OR (OLD.status = 'received') IS NOT (NEW.status = 'received')
      BEGIN
        UPDATE follow_up_completion_request
           SET care_area_code = NEW.care_area_code, received_date = NEW.received_date, assessed = NEW.status <> 'received'
         WHERE referral_id = NEW.id;
      END;

      -- Rows written before this migration.
      ${completionRequestRows('1')}
      ${dischargeRows('1')}
      ${refreshLeadTimes('1')}
      ${refreshHandoverArea('1')}
    `);
  },
};
