/**
 * A care plan sends the patient home with whom to call: it is finalised only when the national unit's
 * phone number and phone hours and the contact nurse's name and direct number are there. The refusal
 * names each missing item and where it is filled in (the unit's register or the plan itself).
 */
import type { Db } from '../../db/driver';
import { ApiError, type FieldIssue } from '../../../shared/api/errors';
import type { PlanRow } from './store';
import { unitContact } from './store';

const blank = (v: string | null | undefined) => v == null || v.trim() === '';

export function assertReachable(db: Db, row: PlanRow): void {
  const issues: FieldIssue[] = [];
  const unit = unitContact(db, row.national_unit_id);
  if (!unit) issues.push({ path: 'nationalUnitId', messageKey: 'carePlan.missing.nationalUnit' });
  else {
    if (blank(unit.phone)) issues.push({ path: 'nationalUnit.phone', messageKey: 'carePlan.missing.unitPhone', params: { unit: unit.name } });
    if (blank(unit.phoneHours)) issues.push({ path: 'nationalUnit.phoneHours', messageKey: 'carePlan.missing.phoneHours', params: { unit: unit.name } });
  }
  if (blank(row.contact_nurse)) issues.push({ path: 'contactNurse', messageKey: 'carePlan.missing.contactNurse' });
  if (blank(row.contact_nurse_phone)) issues.push({ path: 'contactNursePhone', messageKey: 'carePlan.missing.contactNursePhone' });
  if (issues.length) throw new ApiError('validation', 'carePlan.contactIncomplete', undefined, issues);
}
