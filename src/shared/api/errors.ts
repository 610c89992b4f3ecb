/**
 * Errors that cross the API boundary. `messageKey` is an i18n key (src/shared/i18n), so every
 * transport and the CLI show the same text in the user's language.
 */
export const ERROR_CODES = [
  'validation', // input failed the method's schema or a domain rule
  'not_found',
  'conflict', // state does not allow it (e.g. duplicate, locked, wrong status)
  'forbidden', // role may not call this method
  'unauthenticated',
  'locked', // app locked after inactivity
  'database_too_new',
  'database_damaged',
  'unknown_method',
  'internal',
  'busy', // another process holds the database or the keystore; trying again shortly works
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path into the input, e.g. "patient.identifier". */
  path: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export interface ApiErrorShape {
  code: ErrorCode;
  messageKey: string;
  params?: Record<string, string | number>;
  issues?: FieldIssue[];
}

export class ApiError extends Error implements ApiErrorShape {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    readonly params?: Record<string, string | number>,
    readonly issues?: FieldIssue[],
  ) {
    super(`${code}: ${messageKey}${params ? ' ' + JSON.stringify(params) : ''}`);
    this.name = 'ApiError';
  }

  toJSON(): ApiErrorShape {
    return { code: this.code, messageKey: this.messageKey, params: this.params, issues: this.issues };
  }

  static from(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.messageKey, shape.params, shape.issues);
  }
}

export const notFound = (what: string, id: string | number) => new ApiError('not_found', 'error.notFound', { what, id: String(id) });

export const conflict = (messageKey: string, params?: Record<string, string | number>) => new ApiError('conflict', messageKey, params);

/** A single-field validation failure from a domain rule (not from the zod schema). */
export const invalid = (path: string, messageKey: string, params?: Record<string, string | number>) =>
  new ApiError('validation', 'error.validation', undefined, [{ path, messageKey, params }]);

/** The envelope both transports carry. */
export type CallResult<O> = { ok: true; result: O } | { ok: false; error: ApiErrorShape };
