import type { CliCommand } from '../command';
import { translate } from '../../../shared/i18n';

/** `mdk demo-data`: loads the fictional demo unit into an empty database. */
export const demoDataCommand: CliCommand = {
  name: 'demo-data',
  usage: 'mdk demo-data',
  summary: 'cli.summary.demo-data',
  async run(ctx) {
    const r = await ctx.call('demo.load', {});
    ctx.out(translate(ctx.lang, 'demo.loaded', { referrals: r.referrals, meetings: r.meetings, carePlans: r.carePlans, handovers: r.handovers }));
    if (r.replacedWorkplace) ctx.out(translate(ctx.lang, 'demo.workplaceReplaced', { unit: r.replacedWorkplace }));
    for (const [status, n] of Object.entries(r.byStatus)) ctx.out(`  ${translate(ctx.lang, `referral.status.${status}`)}: ${n}`);
    return 0;
  },
};
