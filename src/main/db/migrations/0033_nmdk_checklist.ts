import type { Migration } from '../migrate';
import { readChecklistFile } from '../../reference/checklist';

/**
 * RCC's nMDK checklist: the items a user ticks per case at a meeting (images available, patient
 * informed, patient told: by whom and when), and the shipped rules (items and deadlines) as settings:
 * the national defaults, used by any care area without its own, and the care areas the file names.
 */
export const m0033_nmdk_checklist: Migration = {
  id: '0033_nmdk_checklist',
  up(db) {
    db.exec(`
      CREATE TABLE checklist_tick (
        meeting_id INTEGER NOT NULL REFERENCES meeting(id),
        referral_id INTEGER NOT NULL REFERENCES referral(id),
        item TEXT NOT NULL CHECK (item IN ('images_available', 'patient_informed', 'patient_told')),
        done_by TEXT,
        done_on TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        PRIMARY KEY (meeting_id, referral_id, item),
        CHECK ((item = 'patient_told') = (done_by IS NOT NULL AND done_on IS NOT NULL))
      ) STRICT;
      CREATE INDEX checklist_tick_referral ON checklist_tick(referral_id, item);
    `);
    const shipped = readChecklistFile();
    const put = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING');
    put.run('checklist.defaults', JSON.stringify(shipped.defaults));
    const known = new Set(db.prepare('SELECT code FROM care_area').pluck().all() as string[]);
    for (const [code, rules] of Object.entries(shipped.careAreas)) if (known.has(code)) put.run(`checklist.rules.${code}`, JSON.stringify(rules));
  },
};
