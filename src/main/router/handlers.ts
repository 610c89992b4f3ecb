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
import { demoHandlers } from '../services/demo/handlers';
import { followThroughHandlers } from '../services/follow-through/handlers';

/**
 * Every method's handler; TypeScript refuses a contract method without one. Features add theirs.
 * The security methods (issue 7) are added by createCore: they hold that core's sessions and key.
 */
export const handlers: Omit<Handlers, SecurityMethod> = {
  ...systemHandlers,
  ...overviewHandlers,
  ...carePlanHandlers,
  ...backupHandlers,
  ...schedulingHandlers,
  ...caseListHandlers,
  ...followUpHandlers,
  ...referralHandlers,
  ...demoHandlers,
  ...followThroughHandlers,
};
