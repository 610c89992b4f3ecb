import type { Handlers } from './router';
import { systemHandlers } from '../services/system/handlers';
import { carePlanHandlers } from '../services/care-plans/handlers';
import { backupHandlers } from '../services/backup/handlers';
import { schedulingHandlers } from '../services/scheduling/handlers';
import { caseListHandlers } from '../services/case-lists/handlers';
import { followUpHandlers } from '../services/follow-up/handlers';
import { referralHandlers } from '../services/referrals/handlers';
import { demoHandlers } from '../services/demo/handlers';

/** Every method's handler; TypeScript refuses a contract method without one. Features add theirs. */
export const handlers: Handlers = {
  ...systemHandlers,
  ...carePlanHandlers,
  ...backupHandlers,
  ...schedulingHandlers,
  ...caseListHandlers,
  ...followUpHandlers,
  ...referralHandlers,
  ...demoHandlers,
};
