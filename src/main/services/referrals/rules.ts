import type { Db } from '../../db/driver';
import { notFound } from '../../../shared/api/errors';
import { REQUIRABLE_FIELDS, type RequirableField } from '../../../shared/domain/completeness';

/** A care area's referral rules: the lead-time target and the fields required before discussion. */
export function saveReferralRules(
  db: Db,
  input: { careAreaCode: string; leadTimeTargetDays: number; requiredFields: RequirableField[] },
): { careAreaCode: string } {
  const ordered = REQUIRABLE_FIELDS.filter((f) => input.requiredFields.includes(f));
  const res = db
    .prepare('UPDATE care_area SET lead_time_target_days = ?, required_fields = ? WHERE code = ?')
    .run(input.leadTimeTargetDays, JSON.stringify(ordered), input.careAreaCode);
  if (res.changes === 0) throw notFound('care_area', input.careAreaCode);
  return { careAreaCode: input.careAreaCode };
}
