import type { Migration } from '../migrate';

/**
 * Scheduling: the recurrence rule of a conference series, stored on the series itself,
 * and on each generated meeting the rule date it came from, so regenerating never duplicates.
 */
export const m0004_scheduling: Migration = {
  id: '0004_scheduling',
  up(db) {
    db.exec(`
      ALTER TABLE conference_series ADD COLUMN weekday INTEGER NOT NULL DEFAULT 4 CHECK (weekday BETWEEN 1 AND 7);
      ALTER TABLE conference_series ADD COLUMN start_time TEXT NOT NULL DEFAULT '14:00' CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]');
      ALTER TABLE conference_series ADD COLUMN duration_minutes INTEGER NOT NULL DEFAULT 60 CHECK (duration_minutes > 0);
      ALTER TABLE conference_series ADD COLUMN frequency TEXT NOT NULL DEFAULT 'weekly' CHECK (frequency IN ('weekly', 'biweekly', 'monthly'));
      ALTER TABLE conference_series ADD COLUMN month_week INTEGER CHECK (month_week IN (-1, 1, 2, 3, 4));
      ALTER TABLE conference_series ADD COLUMN first_date TEXT NOT NULL DEFAULT '2026-01-01';
      ALTER TABLE conference_series ADD COLUMN last_date TEXT;
      ALTER TABLE conference_series ADD COLUMN deadline_working_days INTEGER NOT NULL DEFAULT 2 CHECK (deadline_working_days BETWEEN 0 AND 20);
      ALTER TABLE conference_series ADD COLUMN deadline_time TEXT NOT NULL DEFAULT '12:00' CHECK (deadline_time GLOB '[0-2][0-9]:[0-5][0-9]');
      ALTER TABLE conference_series ADD COLUMN holiday_policy TEXT NOT NULL DEFAULT 'skip' CHECK (holiday_policy IN ('skip', 'next_working_day'));
      ALTER TABLE conference_series ADD COLUMN chair_unit_id INTEGER REFERENCES unit(id);
      ALTER TABLE conference_series ADD COLUMN alternate_chair_unit_id INTEGER REFERENCES unit(id);
      ALTER TABLE conference_series ADD COLUMN chair_alternation_years INTEGER CHECK (chair_alternation_years BETWEEN 1 AND 10);
      ALTER TABLE conference_series ADD COLUMN chair_alternation_start TEXT;
      ALTER TABLE conference_series ADD COLUMN chair_name TEXT;
      ALTER TABLE conference_series ADD COLUMN location TEXT;
      ALTER TABLE conference_series ADD COLUMN video_link TEXT;
      ALTER TABLE conference_series ADD COLUMN minutes_per_case INTEGER NOT NULL DEFAULT 6 CHECK (minutes_per_case > 0);
      ALTER TABLE conference_series ADD COLUMN capacity_cases INTEGER NOT NULL DEFAULT 10 CHECK (capacity_cases > 0);
      ALTER TABLE conference_series ADD COLUMN required_roles TEXT NOT NULL DEFAULT '[]'; -- JSON array of participant roles
      ALTER TABLE conference_series ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));

      -- The rule date a generated meeting stands for (before a holiday move); null for one-off meetings.
      ALTER TABLE meeting ADD COLUMN occurrence_date TEXT;
      -- Set when a user moved the meeting by hand: regeneration then leaves its time alone.
      ALTER TABLE meeting ADD COLUMN moved_by_hand INTEGER NOT NULL DEFAULT 0 CHECK (moved_by_hand IN (0, 1));
      CREATE UNIQUE INDEX meeting_series_occurrence ON meeting(series_id, occurrence_date) WHERE occurrence_date IS NOT NULL;
      CREATE INDEX meeting_series_date ON meeting(series_id, local_date);
      CREATE INDEX meeting_participant_person ON meeting_participant(person_id);
    `);
  },
};
