import type { Db } from '../../db/driver';
import { cached } from './statements';
import { ApiError, type FieldIssue } from '../../../shared/api/errors';
import type { ReferralFields } from '../../../shared/api/methods/referrals';

/**
 * The rules the schema cannot see: the care area and referring unit exist, no date lies in the
 * future, and the suspicion (start of the SVF clock) is not after the receipt. Paths are field names.
 */
export function referralIssues(db: Db, f: ReferralFields, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const area = cached(db, 'SELECT active FROM care_area WHERE code = ?').get(f.careAreaCode) as { active: number } | undefined;
  if (!area) issues.push({ path: 'careAreaCode', messageKey: 'referral.unknownCareArea', params: { code: f.careAreaCode } });
  else if (area.active !== 1) issues.push({ path: 'careAreaCode', messageKey: 'referral.inactiveCareArea', params: { code: f.careAreaCode } });
  if (!cached(db, 'SELECT 1 FROM unit WHERE id = ?').get(f.referringUnitId))
    issues.push({ path: 'referringUnitId', messageKey: 'referral.unknownUnit', params: { id: f.referringUnitId } });
  if (f.receivedDate > today) issues.push({ path: 'receivedDate', messageKey: 'referral.futureDate' });
  if (f.suspicionDate && f.suspicionDate > today) issues.push({ path: 'suspicionDate', messageKey: 'referral.futureDate' });
  else if (f.suspicionDate && f.suspicionDate > f.receivedDate) issues.push({ path: 'suspicionDate', messageKey: 'referral.suspicionAfterReceipt' });
  if (f.receivedDate < '1990-01-01') issues.push({ path: 'receivedDate', messageKey: 'referral.tooOld' });
  if (f.suspicionDate && f.suspicionDate < '1990-01-01') issues.push({ path: 'suspicionDate', messageKey: 'referral.tooOld' });
  return issues;
}

export function assertReferral(db: Db, f: ReferralFields, today: string, prefix = 'referral.'): void {
  const issues = referralIssues(db, f, today);
  if (issues.length) throw new ApiError('validation', 'error.validation', undefined, issues.map((i) => ({ ...i, path: prefix + i.path })));
}
