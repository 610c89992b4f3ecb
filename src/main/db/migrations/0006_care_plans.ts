import type { Migration } from '../migrate';

/**
 * Care plans at discharge (vårdplan, "Min vårdplan"), their follow-up schedule, the active handover
 * to the home region (aktiv överlämning) and per-care-area templates. The follow-up dashboard reads
 * care_plan and care_plan_handover: keep those names and columns.
 */
export const m0006_care_plans: Migration = {
  id: '0006_care_plans',
  up(db) {
    db.exec(`
      CREATE TABLE care_plan (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patient(id),
        referral_id INTEGER NOT NULL REFERENCES referral(id),
        recommendation_id INTEGER REFERENCES recommendation(id), -- the current one when the plan was made
        version INTEGER NOT NULL CHECK (version > 0),
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'finalised', 'superseded')),
        national_unit_id INTEGER REFERENCES unit(id), -- its phone, hours and address print on page one
        contact_nurse TEXT, -- kontaktsjuksköterska
        contact_nurse_phone TEXT,
        responsible_physician TEXT, -- patientansvarig läkare
        diagnosis_text TEXT,
        treatment_summary TEXT, -- sammanfattning av given behandling
        discharge_date TEXT, -- utskrivningsdatum
        rehabilitation_needs TEXT,
        rehabilitation_plan TEXT,
        self_care_advice TEXT, -- egenvård
        warning_signs TEXT,
        call_weekdays TEXT,
        call_other_times TEXT,
        practical_matters TEXT,
        patient_rights TEXT,
        finalised_at TEXT,
        finalised_by TEXT,
        superseded_at TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (referral_id, version),
        CHECK ((status = 'draft') = (finalised_at IS NULL))
      ) STRICT;
      CREATE INDEX care_plan_patient ON care_plan(patient_id);
      CREATE INDEX care_plan_referral ON care_plan(referral_id, status);
      CREATE INDEX care_plan_finalised ON care_plan(status, finalised_at);
      -- At most one draft per referral: a new version starts only from the finalised one.
      CREATE UNIQUE INDEX care_plan_one_draft ON care_plan(referral_id) WHERE status = 'draft';

      -- Uppföljningsplan: what, when (a date or an interval after discharge), where, who.
      CREATE TABLE care_plan_follow_up (
        id INTEGER PRIMARY KEY,
        care_plan_id INTEGER NOT NULL REFERENCES care_plan(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        what TEXT NOT NULL,
        due_date TEXT,
        interval_value INTEGER CHECK (interval_value > 0),
        interval_unit TEXT CHECK (interval_unit IN ('days', 'weeks', 'months')),
        place TEXT NOT NULL CHECK (place IN ('national_unit', 'home_region')),
        unit_id INTEGER REFERENCES unit(id),
        responsible TEXT NOT NULL,
        CHECK ((due_date IS NULL) <> (interval_value IS NULL)),
        CHECK ((interval_value IS NULL) = (interval_unit IS NULL))
      ) STRICT;
      CREATE INDEX care_plan_follow_up_plan ON care_plan_follow_up(care_plan_id, position);

      -- Aktiv överlämning: the national unit stays responsible until confirmation is recorded.
      CREATE TABLE care_plan_handover (
        id INTEGER PRIMARY KEY,
        care_plan_id INTEGER NOT NULL UNIQUE REFERENCES care_plan(id),
        receiving_unit_id INTEGER NOT NULL REFERENCES unit(id),
        receiving_contact_nurse TEXT NOT NULL,
        sent_date TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed')),
        confirmed_date TEXT,
        confirmed_by TEXT,
        recorded_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK ((status = 'confirmed') = (confirmed_date IS NOT NULL AND confirmed_by IS NOT NULL))
      ) STRICT;
      CREATE INDEX care_plan_handover_status ON care_plan_handover(status, sent_date);

      -- Vårdplansmall per care area: default follow-up schedule (JSON) and advice texts.
      CREATE TABLE care_plan_template (
        care_area_code TEXT PRIMARY KEY REFERENCES care_area(code) ON UPDATE CASCADE,
        follow_ups TEXT NOT NULL DEFAULT '[]',
        rehabilitation_needs TEXT NOT NULL DEFAULT '',
        rehabilitation_plan TEXT NOT NULL DEFAULT '',
        self_care_advice TEXT NOT NULL DEFAULT '',
        warning_signs TEXT NOT NULL DEFAULT '',
        call_weekdays TEXT NOT NULL DEFAULT '',
        call_other_times TEXT NOT NULL DEFAULT '',
        practical_matters TEXT NOT NULL DEFAULT '',
        patient_rights TEXT NOT NULL DEFAULT '',
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
