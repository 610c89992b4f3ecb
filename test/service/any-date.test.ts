import { describe, expect, it } from 'vitest';
import { testCore } from './helpers';
import { generateDemoData } from '../../src/main/demo/generate';
import { handlers } from '../../src/main/router/handlers';
import { REFERRAL_STATUSES } from '../../src/shared/domain/referral-status';
import { stockholmToday } from '../../src/shared/domain/stockholm-time';
import { addDays } from '../../src/main/demo/synthetic';

/**
 * The rules and the demo generator give sound answers whatever day it is: calendar edges where
 * date code tends to break (a holiday eve, a leap day, both summer-time switches in Stockholm).
 */
const DATES: [string, string][] = [
  ['midsummer eve', '2027-06-25T10:00:00.000Z'],
  ['Christmas Eve', '2026-12-24T08:30:00.000Z'],
  ['leap day', '2028-02-29T12:00:00.000Z'],
  ['summer time begins (03:30 CEST, just after the switch)', '2027-03-28T01:30:00.000Z'],
  ['summer time ends (02:30 CEST, just before the switch)', '2027-10-31T00:30:00.000Z'],
  ['Easter Monday', '2027-03-29T09:00:00.000Z'],
  ['late evening, already tomorrow in Stockholm', '2031-12-31T23:30:00.000Z'],
];

describe('any date: the service rules and the demo generator', () => {
  it.each(DATES)(
    '%s (%s)',
    async (_name, iso) => {
      const now = new Date(iso);
      const today = stockholmToday(now);
      const { core, api } = await testCore({ now: () => now });
      const db = core.db;
      const one = <T>(sql: string, ...params: unknown[]) =>
        db
          .prepare(sql)
          .pluck()
          .get(...params) as T;

      // The demo generator, through the real handlers, with three months of history up to this instant.
      const { summary } = db.transaction(() => generateDemoData(db, { now, dataDir: core.dataDir, handlers, historyDays: 90 }))();
      for (const s of REFERRAL_STATUSES) expect(summary.byStatus[s] ?? 0, s).toBeGreaterThan(0);

      // This week: referrals received and awaiting completion in the last three days.
      const recent = (status: string) => one<number>('SELECT count(*) FROM referral WHERE status = ? AND received_date >= ?', status, addDays(today, -3));
      expect(recent('received')).toBeGreaterThan(0);
      expect(recent('awaiting_completion')).toBeGreaterThan(0);
      // Nothing is recorded after this instant, and no list of a begun meeting is left unfinalised.
      const max = (sql: string) => one<string | null>(sql) ?? '';
      expect(max('SELECT max(at) FROM referral_event') <= iso).toBe(true);
      expect(max('SELECT max(recorded_at) FROM recommendation') <= iso).toBe(true);
      expect(max('SELECT max(finalised_at) FROM meeting') <= iso).toBe(true);
      expect(max('SELECT max(received_date) FROM referral') <= today).toBe(true);
      expect(one<number>("SELECT count(*) FROM meeting WHERE status = 'planned' AND case_list_locked_at IS NOT NULL AND starts_at < ?", iso)).toBe(0);

      // Every series' next meeting lies ahead, with its proposal taken into the list.
      const series = db.prepare('SELECT id, care_area_code area FROM conference_series').all() as { id: number; area: string }[];
      expect(series.length).toBeGreaterThan(0);
      for (const s of series) {
        const next = db
          .prepare("SELECT id, starts_at startsAt FROM meeting WHERE series_id = ? AND status = 'planned' AND starts_at > ? ORDER BY starts_at LIMIT 1")
          .get(s.id, iso) as { id: number; startsAt: string } | undefined;
        expect(next, s.area).toBeDefined();
        const list = await api.call('caseLists.get', { meetingId: next!.id });
        expect(list.items.length, s.area).toBeGreaterThan(0);
      }

      // Fictional units everywhere: the workplace, every referring unit, every care plan's unit.
      const info = await api.call('system.info', {});
      expect(one<string>('SELECT name FROM unit WHERE id = ?', info.workplace!.unitId)).toContain('fiktiv');
      expect(one<number>("SELECT count(*) FROM referral r JOIN unit u ON u.id = r.referring_unit_id WHERE u.code NOT LIKE 'DEMO-%'")).toBe(0);
      expect(one<number>("SELECT count(*) FROM care_plan c JOIN unit u ON u.id = c.national_unit_id WHERE u.code NOT LIKE 'DEMO-%'")).toBe(0);
      expect(one<number>("SELECT count(*) FROM person WHERE name NOT LIKE 'Demo %'")).toBe(0);

      // A referral received today is taken; one dated tomorrow (in Stockholm) is refused.
      const unitId = one<number>("SELECT id FROM unit WHERE code = 'DEMO-NORR'");
      const patient = { identifierKind: 'reservnummer' as const, identifier: 'DATE-1', issuerRegionCode: '14', familyName: 'Datumsson', givenName: 'Dag' };
      await expect(
        api.call('referrals.create', { patient, referral: { careAreaCode: 'ANAL', referringUnitId: unitId, receivedDate: addDays(today, 1) } }),
      ).rejects.toMatchObject({
        issues: [{ path: 'referral.receivedDate', messageKey: 'referral.futureDate' }],
      });
      const { id } = await api.call('referrals.create', { patient, referral: { careAreaCode: 'ANAL', referringUnitId: unitId, receivedDate: today } });
      const detail = await api.call('referrals.get', { id });
      expect(detail.leadTime.sinceReceived).toBe(0);
    },
    300_000,
  );
});
