import type { z } from 'zod';

/** Roles of local users (the contract already names who may call what). */
export const ROLES = ['administrator', 'coordinator', 'contact_nurse', 'physician'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a method does with patient data. The router is the one place that acts on this:
 * it writes the access log (Patientdatalagen 4 kap.) for 'read' and 'change'.
 */
export type PatientDataUse = 'none' | 'read' | 'change';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Roles allowed to call; 'any' for every signed-in user (and the first-run step). */
  roles: readonly Role[] | 'any';
  patientData: PatientDataUse;
  /**
   * Part of signing in: callable without a signed-in session and while the database is
   * still locked; runs without a database transaction. Only the security feature sets this.
   */
  signIn?: boolean;
  /** Phantom: carries the result type; never set at run time. */
  readonly __output?: O;
}

/**
 * Defines one API method: `defineMethod({ input, roles, patientData }).returns<Result>()`.
 * The zod schema is the single source for input validation (router) and input types (renderer).
 */
export function defineMethod<I extends z.ZodType>(spec: Omit<MethodSpec<I>, '__output'>) {
  return {
    returns<O>(): MethodSpec<I, O> {
      return spec as MethodSpec<I, O>;
    },
  };
}

export type MethodMap = Record<string, MethodSpec>;
export type InputOf<S> = S extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<S> = S extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type OutputOf<S> = S extends MethodSpec<z.ZodType, infer O> ? O : never;
