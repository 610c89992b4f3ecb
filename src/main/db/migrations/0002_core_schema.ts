import type { Migration } from '../migrate';

/**
 * The tables several features share: patients and identifiers, referrals and their timeline,
 * conference series and meetings, case-list items and recommendations. Each feature extends its
 * own tables in later migrations; dates are ISO strings (YYYY-MM-DD), instants UTC ISO-8601.
 */
export const m0002_core_schema: Migration = {
  id: '0002_core_schema',
  up(db) {
    db.exec(`
      CREATE TABLE patient (
        id INTEGER PRIMARY KEY,
        family_name TEXT NOT NULL,
        given_name TEXT NOT NULL,
        birth_date TEXT, -- derived from the identifier where it has one
        sex TEXT CHECK (sex IN ('female', 'male')),
        home_region_code TEXT REFERENCES region(code),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- (system, value) pairs: personnummer as 12 digits with century, samordningsnummer likewise,
      -- regional reservnummer as given, with the issuing region, marked temporary.
      CREATE TABLE patient_identifier (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patient(id),
        system TEXT NOT NULL CHECK (system IN ('personnummer', 'samordningsnummer', 'reservnummer')),
        value TEXT NOT NULL,
        issuer_region_code TEXT REFERENCES region(code),
        is_temporary INTEGER NOT NULL DEFAULT 0 CHECK (is_temporary IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX patient_identifier_unique ON patient_identifier(system, value, ifnull(issuer_region_code, ''));
      CREATE INDEX patient_identifier_patient ON patient_identifier(patient_id);

      CREATE TABLE referral (
        id INTEGER PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patient(id),
        care_area_code TEXT NOT NULL REFERENCES care_area(code) ON UPDATE CASCADE,
        referring_unit_id INTEGER NOT NULL REFERENCES unit(id),
        referring_physician TEXT,
        referring_phone TEXT,
        received_date TEXT NOT NULL,
        suspicion_date TEXT, -- välgrundad misstanke: start of the SVF lead-time clock
        question TEXT, -- frågeställning
        icd10 TEXT,
        diagnosis_basis TEXT CHECK (diagnosis_basis IN ('pad', 'clinical')),
        history TEXT, -- anamnes
        comorbidity TEXT,
        ecog INTEGER CHECK (ecog BETWEEN 0 AND 4),
        imaging_available INTEGER CHECK (imaging_available IN (0, 1)),
        radiology_report_ref TEXT,
        pathology_ref TEXT,
        patient_wishes TEXT,
        patient_informed INTEGER CHECK (patient_informed IN (0, 1)),
        priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('urgent', 'normal')),
        notes TEXT,
        status TEXT NOT NULL DEFAULT 'received'
          CHECK (status IN ('received', 'awaiting_completion', 'complete', 'listed', 'discussed', 'closed', 'withdrawn')),
        status_changed_at TEXT NOT NULL,
        withdrawn_reason TEXT,
        completion_requested_at TEXT,
        completion_missing TEXT, -- JSON array of field names asked for
        treatment_start_date TEXT, -- when recorded: MDK → start of treatment lead time
        planned_discharge_date TEXT, -- from the national unit (care plan worklist)
        discharge_date TEXT, -- utskrivning: the patient must then carry a finalised care plan
        import_key TEXT UNIQUE, -- makes a re-imported file add nothing
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX referral_patient ON referral(patient_id);
      CREATE INDEX referral_area_status ON referral(care_area_code, status);
      CREATE INDEX referral_received ON referral(received_date);

      -- The referral's timeline: every status change with time, user and from/to.
      CREATE TABLE referral_event (
        id INTEGER PRIMARY KEY,
        referral_id INTEGER NOT NULL REFERENCES referral(id),
        at TEXT NOT NULL,
        user_name TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        note TEXT
      ) STRICT;
      CREATE INDEX referral_event_referral ON referral_event(referral_id, at);

      CREATE TABLE conference_series (
        id INTEGER PRIMARY KEY,
        care_area_code TEXT NOT NULL REFERENCES care_area(code) ON UPDATE CASCADE,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE meeting (
        id INTEGER PRIMARY KEY,
        series_id INTEGER REFERENCES conference_series(id),
        care_area_code TEXT NOT NULL REFERENCES care_area(code) ON UPDATE CASCADE,
        local_date TEXT NOT NULL, -- Europe/Stockholm date of the meeting
        starts_at TEXT NOT NULL, -- UTC instant
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
        deadline_at TEXT, -- UTC instant: registration deadline
        status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'cancelled', 'finalised')),
        cancel_reason TEXT,
        moved_reason TEXT,
        location TEXT,
        video_link TEXT,
        chair_unit_id INTEGER REFERENCES unit(id),
        chair_name TEXT,
        capacity_cases INTEGER CHECK (capacity_cases > 0),
        minutes_per_case INTEGER CHECK (minutes_per_case > 0),
        ical_uid TEXT NOT NULL UNIQUE, -- stable: a re-sent invitation updates instead of duplicating
        ical_sequence INTEGER NOT NULL DEFAULT 0,
        case_list_locked_at TEXT,
        finalised_at TEXT,
        finalised_by TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX meeting_area_date ON meeting(care_area_code, local_date);

      -- People who take part in conferences (participants), with their conference role.
      CREATE TABLE person (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL, -- e.g. surgeon, oncologist, radiologist, pathologist, contact_nurse, chair
        unit_id INTEGER REFERENCES unit(id),
        email TEXT,
        hsa_id TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE series_participant (
        series_id INTEGER NOT NULL REFERENCES conference_series(id),
        person_id INTEGER NOT NULL REFERENCES person(id),
        PRIMARY KEY (series_id, person_id)
      ) STRICT;

      CREATE TABLE meeting_participant (
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        person_id INTEGER NOT NULL REFERENCES person(id),
        role TEXT NOT NULL, -- the role the person has at this meeting
        attendance TEXT CHECK (attendance IN ('present', 'remote', 'absent')), -- null until recorded
        PRIMARY KEY (meeting_id, person_id)
      ) STRICT;

      -- A case on a meeting's list (falllista).
      CREATE TABLE case_list_item (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        referral_id INTEGER NOT NULL REFERENCES referral(id),
        position INTEGER NOT NULL,
        minutes INTEGER NOT NULL CHECK (minutes > 0),
        added_by_hand INTEGER NOT NULL DEFAULT 0 CHECK (added_by_hand IN (0, 1)),
        outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'discussed', 'postponed')),
        UNIQUE (meeting_id, referral_id)
      ) STRICT;
      CREATE INDEX case_list_item_referral ON case_list_item(referral_id);

      -- Behandlingsrekommendation; amendments add a version and keep the earlier one.
      CREATE TABLE recommendation (
        id INTEGER PRIMARY KEY,
        referral_id INTEGER NOT NULL REFERENCES referral(id),
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        version INTEGER NOT NULL DEFAULT 1,
        intent TEXT NOT NULL CHECK (intent IN ('curative', 'palliative', 'undecided')),
        treatments TEXT NOT NULL DEFAULT '[]', -- JSON array from the care area's list
        treatment_text TEXT,
        place_of_treatment TEXT,
        next_step TEXT,
        responsible_unit_id INTEGER REFERENCES unit(id),
        rediscuss_date TEXT,
        amendment_reason TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        superseded_at TEXT,
        UNIQUE (referral_id, meeting_id, version)
      ) STRICT;
      CREATE INDEX recommendation_referral ON recommendation(referral_id);
    `);
  },
};
