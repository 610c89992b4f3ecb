import type { Handlers } from './router';
import type { SecurityMethod } from '../services/security/handlers';
import { systemHandlers } from '../services/system/handlers';
import { overviewHandlers } from '../services/overview/handlers';
import { carePlanHandlers } from '../services/care-plans/handlers';
import { backupHandlers } from '../services/backup/handlers';
import { schedulingHandlers } from '../services/scheduling/handlers';
import { caseListHandlers } from '../services/case-lists/handlers';
import { followUpHandlers } from '../services/follow-up/handlers';
import { referralHandlers } from '../services/referrals/handlers';
import { referralFormHandlers } from '../services/referrals/forms/handlers';
import { followThroughHandlers } from '../services/follow-through/handlers';
import { checklistHandlers } from '../services/checklist/handlers';

/**
 * Methods whose handlers createCore adds: they hold that core's sessions, key and running jobs, or
 * (`demo.load`) call the other handlers.
 */
export type CoreMethod = SecurityMethod | 'system.jobs' | 'demo.load';

/** Every method's handler; TypeScript refuses a contract method without one. Features add theirs. */
export const handlers: Omit<Handlers, CoreMethod> = {
  ...systemHandlers,
  ...overviewHandlers,
  ...carePlanHandlers,
  ...backupHandlers,
  ...schedulingHandlers,
  ...caseListHandlers,
  ...followUpHandlers,
  ...referralHandlers,
  ...referralFormHandlers,
  ...followThroughHandlers,
  ...checklistHandlers,
};
