import type { Handlers } from '../../router/router';
import { markCase } from './consideration';
import { followThroughFigures } from './figures';
import { allSettings, saveFollowThroughSettings, saveTargets } from './settings';
import { getFollowThrough, recordStatus } from './status';
import { worklist } from './worklist';

type FollowThroughMethod = Extract<keyof Handlers, `followThrough.${string}` | 'meetingCases.mark'>;

export const followThroughHandlers: Pick<Handlers, FollowThroughMethod> = {
  'followThrough.get': ({ meetingId, referralId }, ctx) => getFollowThrough(ctx, meetingId, referralId),
  'followThrough.record': (input, ctx) => recordStatus(ctx, input),
  'followThrough.worklist': (_input, ctx) => worklist(ctx),
  'followThrough.settings': (_input, ctx) => allSettings(ctx.db),
  'followThrough.saveSettings': (input, ctx) => saveFollowThroughSettings(ctx.db, input),
  'followThrough.saveTargets': ({ careAreaCode, ...targets }, ctx) => saveTargets(ctx.db, careAreaCode, targets),
  'followThrough.figures': (input, ctx) => followThroughFigures(ctx.db, input),
  'meetingCases.mark': ({ meetingId, referralId, event }, ctx) => markCase(ctx, meetingId, referralId, event),
};
