import type { CliCommand } from '../command';
import { EXIT } from '../errors';

/** `mdk meetings`: the meetings of a care area in a period, as a table or JSON. */
export const meetingsCommand: CliCommand = {
  name: 'meetings',
  usage: 'mdk meetings --care-area CODE --from YYYY-MM-DD --to YYYY-MM-DD [--json]',
  summary: 'cli.summary.meetings',
  options: { 'care-area': { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx, { values }) {
    const careAreaCode = values['care-area'] as string | undefined;
    if (!careAreaCode || !values.from || !values.to) {
      ctx.err(ctx.t('cli.missingOptions', { options: '--care-area, --from, --to' }));
      ctx.err(ctx.t('cli.usageLine', { usage: this.usage }));
      return EXIT.usage;
    }
    const res = await ctx.call('meetings.list', { careAreaCode, from: String(values.from), to: String(values.to) });
    if (values.json) {
      ctx.out(JSON.stringify(res, null, 2));
      return EXIT.done;
    }
    const { t } = ctx;
    const rows = [
      ...res.meetings.map((m) => ({
        date: m.localDate,
        line: [
          `v${String(m.week).padStart(2, '0')}`,
          m.localDate,
          `${m.startTime}–${m.endTime}`,
          t(`cli.meetings.status.${m.status}`).padEnd(9),
          t('cli.meetings.deadline', { deadline: m.deadlineLocal ? `${m.deadlineLocal.date} ${m.deadlineLocal.time}` : '–' }),
          t('cli.meetings.cases', { count: m.caseCount, capacity: m.capacityCases ?? '–' }),
          m.quorum.expectedMet ? '' : t('cli.meetings.missing', { roles: m.quorum.expectedMissingRoles.map((r) => t(`participantRole.${r}`)).join(', ') }),
          m.cancelReason ? `(${m.cancelReason})` : m.movedFromHoliday ? `(${t('cli.meetings.movedFrom', { date: m.movedFromHoliday })})` : '',
        ]
          .filter(Boolean)
          .join('  '),
      })),
      ...res.skipped.map((s) => ({
        date: s.date,
        line: `         ${s.date}  ${t('cli.meetings.skipped', { holiday: ctx.lang === 'sv' ? s.holidaySv : s.holidayEn })}`,
      })),
    ].sort((a, b) => a.date.localeCompare(b.date));
    for (const r of rows) ctx.out(r.line);
    ctx.out(t('cli.meetings.count', { n: res.meetings.length }));
    return EXIT.done;
  },
};
