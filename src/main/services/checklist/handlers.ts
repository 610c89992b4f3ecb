import type { Handlers } from '../../router/router';
import { allRules, saveRules } from './rules';
import { tickItem } from './tick';

type ChecklistMethod = Extract<keyof Handlers, `checklist.${string}`>;

export const checklistHandlers: Pick<Handlers, ChecklistMethod> = {
  'checklist.tick': (input, ctx) => tickItem(ctx, input),
  'checklist.rules': (_input, ctx) => allRules(ctx.db),
  'checklist.saveRules': ({ careAreaCode, ...rules }, ctx) => saveRules(ctx.db, careAreaCode, rules),
};
