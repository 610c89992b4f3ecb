import { z } from 'zod';
import { DATE_PATTERN, isRealDate } from '../domain/date-text';

/** Bounds every API text input shares, so no input is unbounded (fuzzing). */
export const LIMITS = { shortText: 200, mediumText: 2_000, longText: 20_000, listItems: 1_000 } as const;

export const shortText = () => z.string().trim().max(LIMITS.shortText, { message: 'validation.tooLong' });
export const mediumText = () => z.string().trim().max(LIMITS.mediumText, { message: 'validation.tooLong' });
export const longText = () => z.string().trim().max(LIMITS.longText, { message: 'validation.tooLong' });
export const requiredText = (max: number = LIMITS.shortText) =>
  z.string().trim().min(1, { message: 'validation.required' }).max(max, { message: 'validation.tooLong' });
export const optionalText = (max: number = LIMITS.shortText) =>
  z
    .string()
    .trim()
    .max(max, { message: 'validation.tooLong' })
    .nullish()
    .transform((v) => (v ? v : null));
export const isoDate = () => z.string().regex(DATE_PATTERN, { message: 'validation.dateFormat' }).refine(isRealDate, { message: 'validation.dateNotExist' });
export const id = () => z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const codeText = () => z.string().trim().min(1, { message: 'validation.required' }).max(40, { message: 'validation.tooLong' });
