import { z } from 'zod';
import { defineMethod, ROLES, type Role } from '../contract';
import type { FilePayload } from '../files';
import { id, isoDate, optionalText, requiredText } from '../limits';

import { MIN_PASSPHRASE } from '../../domain/passphrase-length';

/** The length here; the whole policy (strength, not the user name) is the core's (shared/domain/passphrase.ts). */
export { MIN_PASSPHRASE };
const passphrase = () => z.string().min(MIN_PASSPHRASE, { message: 'security.passphraseTooShort' }).max(200, { message: 'validation.tooLong' });
const anyPassphrase = () => z.string().min(1, { message: 'validation.required' }).max(200, { message: 'validation.tooLong' });
/** HSA-id (e.g. SE2321000131-P000000012345) or a local user name. */
const userName = () =>
  z
    .string()
    .trim()
    .min(2, { message: 'validation.tooShort' })
    .max(60, { message: 'validation.tooLong' })
    .regex(/^[A-Za-z0-9._@-]+$/, { message: 'security.userNameFormat' });

const repeated = { passphrase: passphrase(), passphraseRepeat: z.string().max(200, { message: 'validation.tooLong' }) };
const repeatMatches: [(v: { passphrase: string; passphraseRepeat: string }) => boolean, { message: string; path: string[] }] = [
  (v) => v.passphrase === v.passphraseRepeat,
  { message: 'security.passphraseMismatch', path: ['passphraseRepeat'] },
];

export interface SessionUser {
  id: number;
  name: string;
  userName: string;
  role: Role;
  unitId: number | null;
}

export type AuthState = 'setup' | 'signedOut' | 'locked' | 'signedIn';

export interface AuthStatus {
  state: AuthState;
  user: SessionUser | null;
  /** Inactivity before the window locks, in milliseconds. */
  autoLockMs: number;
  autoLockMinutes: number;
  /** The check after sign-in found the database damaged: the window shows the recovery screen. */
  databaseDamaged: boolean;
}

export interface UserSummary extends SessionUser {
  active: boolean;
  createdAt: string;
}

export interface RekeyResult {
  /** The new recovery key: the old one no longer opens the database. */
  recoveryKey: string;
  /** The unit server's unlock file held the old key and was removed (`mdk server-init` again). */
  serverKeyRemoved: boolean;
}

export const ACCESS_ACTIONS = ['read', 'change', 'export', 'print', 'search'] as const;

export interface AccessLogEntry {
  id: number;
  at: string;
  userName: string;
  userFullName: string;
  role: Role;
  unitName: string | null;
  patientId: number;
  patientIdentifier: string | null;
  action: (typeof ACCESS_ACTIONS)[number];
  objectType: string;
  objectId: string;
  method: string;
}

const logFilter = z.object({
  from: isoDate().nullish(),
  to: isoDate().nullish(),
  userName: optionalText(60),
  patientIdentifier: optionalText(40),
  action: z.enum(ACCESS_ACTIONS).nullish(),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type AccessLogFilter = z.input<typeof logFilter>;

const userInput = z.object({
  id: id().optional(),
  name: requiredText(),
  userName: userName(),
  role: z.enum(ROLES),
  unitId: id()
    .nullish()
    .transform((v) => v ?? null),
  active: z.boolean().default(true),
  /** Required for a new user; for an existing user, set only to reset a forgotten passphrase. */
  passphrase: z.string().max(200, { message: 'validation.tooLong' }).nullish(),
});
export type UserInput = z.input<typeof userInput>;

/** Users and roles, sign-in and auto-lock, the access log. */
export const securityMethods = {
  'auth.status': defineMethod({ input: z.object({}), roles: 'any', patientData: 'none', signIn: true }).returns<AuthStatus>(),
  'auth.setup': defineMethod({
    input: z.object({ name: requiredText(), userName: userName(), ...repeated }).refine(...repeatMatches),
    roles: 'any',
    patientData: 'none',
    signIn: true,
  }).returns<{ user: SessionUser; recoveryKey: string }>(),
  'auth.login': defineMethod({
    input: z.object({
      userName: z.string().trim().min(1, { message: 'validation.required' }).max(60, { message: 'validation.tooLong' }),
      passphrase: anyPassphrase(),
    }),
    roles: 'any',
    patientData: 'none',
    signIn: true,
  }).returns<SessionUser>(),
  'auth.unlock': defineMethod({ input: z.object({ passphrase: anyPassphrase() }), roles: 'any', patientData: 'none', signIn: true }).returns<SessionUser>(),
  'auth.lock': defineMethod({ input: z.object({}), roles: 'any', patientData: 'none', signIn: true }).returns<{ state: AuthState }>(),
  'auth.logout': defineMethod({ input: z.object({}), roles: 'any', patientData: 'none', signIn: true }).returns<{ state: AuthState }>(),
  /** The window reports keyboard/mouse activity, so typing a long text does not lock the session. */
  'auth.touch': defineMethod({ input: z.object({}), roles: 'any', patientData: 'none', signIn: true }).returns<{ state: AuthState }>(),
  'auth.recover': defineMethod({
    input: z.object({ recoveryKey: requiredText(60), userName: userName(), ...repeated }).refine(...repeatMatches),
    roles: 'any',
    patientData: 'none',
    signIn: true,
  }).returns<SessionUser>(),
  'auth.changePassphrase': defineMethod({
    input: z.object({ current: anyPassphrase(), ...repeated }).refine(...repeatMatches),
    roles: 'any',
    patientData: 'none',
  }).returns<{ changed: true }>(),
  'users.list': defineMethod({ input: z.object({}), roles: ['administrator'], patientData: 'none' }).returns<UserSummary[]>(),
  'users.save': defineMethod({ input: userInput, roles: ['administrator'], patientData: 'none' }).returns<{ id: number }>(),
  'security.setAutoLock': defineMethod({
    input: z.object({ minutes: z.number().int({ message: 'validation.invalidValue' }).min(1).max(120) }),
    roles: ['administrator'],
    patientData: 'none',
  }).returns<{ autoLockMinutes: number }>(),
  /**
   * Byt databasnyckel: the database is encrypted again with a new key, sealed to every active user;
   * a new recovery key is returned (shown once). A long job: its steps are reported to `system.jobs`.
   */
  'security.rekey': defineMethod({ input: z.object({}), roles: ['administrator'], patientData: 'none' }).returns<RekeyResult>(),
  'accessLog.list': defineMethod({ input: logFilter, roles: ['administrator'], patientData: 'none' }).returns<{
    entries: AccessLogEntry[];
    truncated: boolean;
  }>(),
  /** A patient's own log extract (patients have a right to it); the export is itself logged. */
  'accessLog.exportPatient': defineMethod({
    input: z.object({ patientIdentifier: requiredText(40) }),
    roles: ['administrator'],
    patientData: 'read',
  }).returns<FilePayload>(),
};
