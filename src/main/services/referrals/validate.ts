import type { Db } from '../../db/driver';
import { cached } from '../../db/statements';
import { ApiError, type FieldIssue } from '../../../shared/api/errors';
import type { ReferralFields } from '../../../shared/api/methods/referrals';

/** What the rules need to know of the reference data: a care area's state and whether a unit exists. */
export interface ReferralReferences {
  /** 'active' or 'inactive' for a known care area, undefined for an unknown one. */
  careArea(code: string): 'active' | 'inactive' | undefined;
  unitExists(id: number): boolean;
}

/** The references as the database has them now, one query per question (a form submits one referral). */
export function databaseReferences(db: Db): ReferralReferences {
  return {
    careArea(code) {
      const area = cached(db, 'SELECT active FROM care_area WHERE code = ?').get(code) as { active: number } | undefined;
      return area ? (area.active === 1 ? 'active' : 'inactive') : undefined;
    },
    unitExists: (id) => cached(db, 'SELECT 1 FROM unit WHERE id = ?').get(id) !== undefined,
  };
}

/**
 * The rules the schema cannot see: the care area and referring unit exist, no date lies in the
 * future, and the suspicion (start of the SVF clock) is not after the receipt. Paths are field names.
 */
export function referralIssues(db: Db, f: ReferralFields, today: string): FieldIssue[] {
  return referralIssuesAgainst(databaseReferences(db), f, today);
}

/** The same rules against references the caller already holds (the import loads them once per file). */
export function referralIssuesAgainst(r: ReferralReferences, f: ReferralFields, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const area = r.careArea(f.careAreaCode);
  if (!area) issues.push({ path: 'careAreaCode', messageKey: 'referral.unknownCareArea', params: { code: f.careAreaCode } });
  else if (area !== 'active') issues.push({ path: 'careAreaCode', messageKey: 'referral.inactiveCareArea', params: { code: f.careAreaCode } });
  if (!r.unitExists(f.referringUnitId)) issues.push({ path: 'referringUnitId', messageKey: 'referral.unknownUnit', params: { id: f.referringUnitId } });
  if (f.receivedDate > today) issues.push({ path: 'receivedDate', messageKey: 'referral.futureDate' });
  if (f.suspicionDate && f.suspicionDate > today) issues.push({ path: 'suspicionDate', messageKey: 'referral.futureDate' });
  else if (f.suspicionDate && f.suspicionDate > f.receivedDate) issues.push({ path: 'suspicionDate', messageKey: 'referral.suspicionAfterReceipt' });
  if (f.receivedDate < '1990-01-01') issues.push({ path: 'receivedDate', messageKey: 'referral.tooOld' });
  if (f.suspicionDate && f.suspicionDate < '1990-01-01') issues.push({ path: 'suspicionDate', messageKey: 'referral.tooOld' });
  return issues;
}

/** The same rules, thrown as one validation error with every issue under `prefix` (the form's field paths). */
export function assertReferral(db: Db, f: ReferralFields, today: string, prefix = 'referral.'): void {
  const issues = referralIssues(db, f, today);
  if (issues.length)
    throw new ApiError(
      'validation',
      'error.validation',
      undefined,
      issues.map((i) => ({ ...i, path: prefix + i.path })),
    );
}
