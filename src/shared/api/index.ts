/**
 * The API contract: every method the renderer, CLI and tests may call, defined once.
 * Features add their method maps here; preload, router, both transports and the renderer use it.
 */
import { systemMethods } from './methods/system';
import { securityMethods } from './methods/security';
import { carePlanMethods } from './methods/care-plans';
import { backupMethods } from './methods/backup';
import { schedulingMethods } from './methods/scheduling';
import { caseListMethods } from './methods/case-lists';
import { followUpMethods } from './methods/follow-up';
import { referralMethods } from './methods/referrals';
import { referralFormMethods } from './methods/referral-forms';
import { demoMethods } from './methods/demo';
import { overviewMethods } from './methods/overview';
import { followThroughMethods } from './methods/follow-through';
import { checklistMethods } from './methods/checklist';
import type { InputOf, OutputOf } from './contract';

export const api = {
  ...systemMethods,
  ...overviewMethods,
  ...securityMethods,
  ...carePlanMethods,
  ...backupMethods,
  ...schedulingMethods,
  ...caseListMethods,
  ...followUpMethods,
  ...referralMethods,
  ...referralFormMethods,
  ...demoMethods,
  ...followThroughMethods,
  ...checklistMethods,
};

export type Api = typeof api;
export type MethodName = keyof Api;
export type Input<M extends MethodName> = InputOf<Api[M]>;
export type Output<M extends MethodName> = OutputOf<Api[M]>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

export * from './contract';
export * from './errors';
