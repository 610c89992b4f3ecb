import type { Handlers } from './router';
import { systemHandlers } from '../services/system/handlers';
import { referralHandlers } from '../services/referrals/handlers';

/** Every method's handler; TypeScript refuses a contract method without one. Features add theirs. */
export const handlers: Handlers = {
  ...systemHandlers,
  ...referralHandlers,
};
