import type { CliCommand } from '../command';

/** `mdk demo-data`: loads the fictional demo unit into an empty database (issue 9). */
export const demoDataCommand: CliCommand = {
  name: 'demo-data',
  usage: 'mdk demo-data',
  summary: 'Läser in demodata (fiktiv nationell enhet, ett års historik) i en tom databas',
  async run(ctx) {
    const r = await ctx.call('demo.load', {});
    ctx.out(`DEMO: ${r.referrals} remisser, ${r.meetings} möten, ${r.carePlans} vårdplaner, ${r.handovers} överlämningar`);
    for (const [status, n] of Object.entries(r.byStatus)) ctx.out(`  ${status}: ${n}`);
    return 0;
  },
};
