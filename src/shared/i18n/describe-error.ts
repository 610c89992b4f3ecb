import { ApiError, type ApiErrorShape } from '../api/errors';
import { translate, type Lang } from './index';

const CODE_KEYS: Partial<Record<ApiErrorShape['code'], string>> = {
  forbidden: 'error.forbidden',
  unauthenticated: 'error.unauthenticated',
  locked: 'error.locked',
  internal: 'error.internal',
};

/** One line for the user: the error's message plus each field issue ("path: message"). */
export function describeError(lang: Lang, error: unknown): string {
  const shape: ApiErrorShape =
    error instanceof ApiError || (typeof error === 'object' && error !== null && 'messageKey' in error)
      ? (error as ApiErrorShape)
      : { code: 'internal', messageKey: 'error.internal' };
  const head = translate(lang, shape.messageKey || CODE_KEYS[shape.code] || 'error.internal', shape.params);
  const issues = (shape.issues ?? []).map((i) => `${i.path ? i.path + ': ' : ''}${translate(lang, i.messageKey, i.params)}`);
  return [head, ...issues].join(' ');
}
