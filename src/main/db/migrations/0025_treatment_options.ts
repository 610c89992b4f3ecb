import type { Migration } from '../migrate';
import { readTreatmentOptionsFile } from '../../reference/treatment-options';

/**
 * A new installation can record a recommendation at once: each shipped care area gets the starting list
 * of treatments named in its national care programme, with that programme as the list's source. A list
 * a unit already edited (not empty) is left as it is; care areas the file does not know keep theirs.
 */
export const m0025_treatment_options: Migration = {
  id: '0025_treatment_options',
  up(db) {
    db.exec('ALTER TABLE care_area ADD COLUMN treatment_options_source TEXT');
    const fill = db.prepare("UPDATE care_area SET treatment_options = ?, treatment_options_source = ? WHERE code = ? AND treatment_options = '[]'");
    for (const a of readTreatmentOptionsFile()) fill.run(JSON.stringify(a.options), a.source, a.careAreaCode);
  },
};
