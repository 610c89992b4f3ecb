import type { Handlers } from './router';
import type { SecurityMethod } from '../services/security/handlers';
import { systemHandlers } from '../services/system/handlers';

/**
 * Every method's handler; TypeScript refuses a contract method without one. Features add theirs.
 * The security methods (issue 7) are added by createCore: they hold that core's sessions and key.
 */
export const handlers: Omit<Handlers, SecurityMethod> = {
  ...systemHandlers,
};
