import type { z } from 'zod';
import type { FieldIssue } from '../../../../shared/api/errors';
import { referralFields, type ReferralFields } from '../../../../shared/api/methods/referrals';
import { toFieldIssues } from '../../../router/validation';

type Outcome = { ok: true; value: unknown } | { ok: false; issue: FieldIssue };
export type FieldsResult = { ok: true; fields: ReferralFields } | { ok: false; issue: FieldIssue };

/**
 * The contract's referral schema (`referralFields`) applied field by field, remembering the outcome of
 * each distinct cell value for the length of one file. A file repeats most of its cells (the care
 * area, the unit, the physician, ja/nej, empty columns, a few hundred dates), and the schema's
 * pipes and refinements cost tens of microseconds per row, so a 10,000-row file checked row by row
 * spent most of its time there. Each field's schema is a pure function of its value, so the outcome is
 * the same; the first issue is the one the whole-object parse reports first (fields in schema order).
 */
export function referralFieldsParser(): (input: Record<string, unknown>) => FieldsResult {
  const fields = Object.entries(referralFields.shape as Record<string, z.ZodType>).map(([key, schema]) => ({ key, schema, seen: new Map<unknown, Outcome>() }));
  return (input) => {
    const out: Record<string, unknown> = {};
    for (const { key, schema, seen } of fields) {
      const value = input[key];
      let outcome = seen.get(value);
      if (!outcome) {
        const parsed = schema.safeParse(value);
        outcome = parsed.success ? { ok: true, value: parsed.data } : { ok: false, issue: underField(key, toFieldIssues(parsed.error)[0]) };
        // Cells are strings, numbers, booleans or null; anything else is parsed afresh every time.
        if (value === null || typeof value !== 'object') seen.set(value, outcome);
      }
      if (!outcome.ok) return outcome;
      out[key] = outcome.value;
    }
    return { ok: true, fields: out as ReferralFields };
  };
}

/** The issue as the object schema reports it: its path starts with the field's name. */
const underField = (key: string, issue: FieldIssue): FieldIssue => ({ ...issue, path: issue.path ? `${key}.${issue.path}` : key });
