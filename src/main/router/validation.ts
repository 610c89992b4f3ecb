import type { z } from 'zod';
import { ApiError, type FieldIssue } from '../../shared/api/errors';
import { hasMessage } from '../../shared/i18n';

/** The raw value at a zod issue's path, to tell a missing value from one of the wrong kind. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Maps zod issues to translatable field issues; custom messages in schemas are i18n keys.
 * With the raw `input`, a value that is there but of the wrong kind says "invalid", never "required"
 * (zod does not report the input itself, and schemas give `validation.required` as their type message).
 */
export function toFieldIssues(error: z.ZodError, input?: unknown): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const given = input === undefined ? undefined : valueAt(input, issue.path);
    // NaN is what an empty number field gives (and JSON turns it into null): missing, not wrong.
    const present = given !== undefined && given !== null && !Number.isNaN(given);
    if (present && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')) {
      const ownKey = hasMessage(issue.message) && issue.message !== 'validation.required' ? issue.message : null;
      return { path, messageKey: ownKey ?? (issue.code === 'invalid_type' ? 'validation.invalidType' : 'validation.invalidValue') };
    }
    if (hasMessage(issue.message)) {
      const params: Record<string, string | number> = {};
      if ('maximum' in issue && issue.maximum !== undefined) params.maximum = Number(issue.maximum);
      if ('minimum' in issue && issue.minimum !== undefined) params.minimum = Number(issue.minimum);
      return { path, messageKey: issue.message, params };
    }
    switch (issue.code) {
      case 'too_big':
        return {
          path,
          messageKey: issue.origin === 'string' ? 'validation.tooLong' : 'validation.tooBig',
          params: { maximum: Number(issue.maximum) },
        };
      case 'too_small':
        return {
          path,
          messageKey: issue.origin === 'string' && Number(issue.minimum) <= 1 ? 'validation.required' : 'validation.tooSmall',
          params: { minimum: Number(issue.minimum) },
        };
      case 'invalid_type':
        return { path, messageKey: 'validation.required' };
      default:
        return { path, messageKey: 'validation.invalidValue' };
    }
  });
}

/** `input`: the raw input the schema refused (see toFieldIssues). */
export function validationError(error: z.ZodError, input?: unknown): ApiError {
  return new ApiError('validation', 'error.validation', undefined, toFieldIssues(error, input));
}
