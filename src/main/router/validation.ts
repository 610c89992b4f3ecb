import type { z } from 'zod';
import { ApiError, type FieldIssue } from '../../shared/api/errors';
import { hasMessage } from '../../shared/i18n';

/** Maps zod issues to translatable field issues; custom messages in schemas are i18n keys. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
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
        return { path, messageKey: issue.input === undefined || issue.input === null ? 'validation.required' : 'validation.invalidType' };
      default:
        return { path, messageKey: 'validation.invalidValue' };
    }
  });
}

export function validationError(error: z.ZodError): ApiError {
  return new ApiError('validation', 'error.validation', undefined, toFieldIssues(error));
}
