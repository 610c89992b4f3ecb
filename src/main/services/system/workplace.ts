import type { Db } from '../../db/driver';
import type { Workplace } from '../../../shared/domain/reference';
import { invalid } from '../../../shared/api/errors';
import { getSetting, setSetting } from '../settings';

const KEY = 'workplace';

export function getWorkplace(db: Db): Workplace | null {
  return getSetting<Workplace | null>(db, KEY, null);
}

/** The first-run choice: the national unit the user works at and the care areas it serves. */
export function setWorkplace(db: Db, input: Workplace): Workplace {
  if (!db.prepare('SELECT 1 FROM unit WHERE id = ?').get(input.unitId)) throw invalid('unitId', 'workplace.unknownUnit');
  for (const code of input.careAreaCodes) {
    if (!db.prepare('SELECT 1 FROM care_area WHERE code = ?').get(code)) throw invalid('careAreaCodes', 'workplace.unknownCareArea', { code });
  }
  const value: Workplace = { unitId: input.unitId, careAreaCodes: [...new Set(input.careAreaCodes)] };
  setSetting(db, KEY, value);
  return value;
}
