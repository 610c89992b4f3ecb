import type { CliCommand } from '../command';
import { translate } from '../../../shared/i18n';

/** `mdk meetings`: the meetings of a care area in a period, as a table or JSON. */
export const meetingsCommand: CliCommand = {
  name: 'meetings',
  usage: 'mdk meetings --care-area CODE --from YYYY-MM-DD --to YYYY-MM-DD [--json]',
  summary: 'Lista MDK-möten för ett vårdområde (helgdagar som hoppas över visas)',
  options: { 'care-area': { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx, { values }) {
    const careAreaCode = values['care-area'] as string | undefined;
    if (!careAreaCode || !values.from || !values.to) {
      ctx.err(`Användning: ${this.usage}`);
      return 2;
    }
    const res = await ctx.call('meetings.list', { careAreaCode, from: String(values.from), to: String(values.to) });
    if (values.json) {
      ctx.out(JSON.stringify(res, null, 2));
      return 0;
    }
    const sv = ctx.lang === 'sv';
    const status = (s: string) => ({ planned: sv ? 'planerat' : 'planned', cancelled: sv ? 'inställt' : 'cancelled', finalised: sv ? 'avslutat' : 'finalised' })[s] ?? s;
    const rows = [
      ...res.meetings.map((m) => ({
        date: m.localDate,
        line: [
          `v${String(m.week).padStart(2, '0')}`,
          m.localDate,
          `${m.startTime}–${m.endTime}`,
          status(m.status).padEnd(9),
          `${sv ? 'sista anmälan' : 'deadline'} ${m.deadlineLocal ? `${m.deadlineLocal.date} ${m.deadlineLocal.time}` : '–'}`,
          `${m.caseCount}/${m.capacityCases ?? '–'} ${sv ? 'fall' : 'cases'}`,
          m.quorum.expectedMet ? '' : `${sv ? 'saknas' : 'missing'}: ${m.quorum.expectedMissingRoles.map((r) => translate(ctx.lang, `participantRole.${r}`)).join(', ')}`,
          m.cancelReason ? `(${m.cancelReason})` : m.movedFromHoliday ? `(${sv ? 'flyttat från' : 'moved from'} ${m.movedFromHoliday})` : '',
        ]
          .filter(Boolean)
          .join('  '),
      })),
      ...res.skipped.map((s) => ({ date: s.date, line: `         ${s.date}  ${sv ? 'hoppas över' : 'skipped'}: ${sv ? s.holidaySv : s.holidayEn}` })),
    ].sort((a, b) => a.date.localeCompare(b.date));
    for (const r of rows) ctx.out(r.line);
    ctx.out(sv ? `${res.meetings.length} möten.` : `${res.meetings.length} meetings.`);
    return 0;
  },
};
