import type { Db } from '../../db/driver';
import type { CountPerArea, FollowUpDashboard } from '../../../shared/api/methods/follow-up';
import { per100k } from '../../../shared/domain/statistics';
import { populationFigures } from './population';
import type { Period } from './period';

/** Every month of the period as YYYY-MM, so months without referrals show as 0. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= end) return months;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/**
 * Referrals received in the period: per month, per the referring UNIT's healthcare region and
 * region (the unit decides, because Halland is split), also per 100,000 inhabitants.
 */
export function volumes(db: Db, p: Period): FollowUpDashboard['volumes'] {
  const perMonthRows = db
    .prepare(
      `SELECT substr(received_date, 1, 7) AS month, count(*) AS n FROM referral
        WHERE care_area_code = ? AND received_date BETWEEN ? AND ? GROUP BY month`,
    )
    .all(p.careAreaCode, p.from, p.to) as { month: string; n: number }[];
  const byMonth = new Map(perMonthRows.map((r) => [r.month, r.n]));
  const perMonth = monthsOf(p.from, p.to).map((month) => ({ month, count: byMonth.get(month) ?? 0 }));

  // One pass: counts per (healthcare region, region) of the referring unit.
  const pairs = db
    .prepare(
      `SELECT u.healthcare_region_code AS hr, u.region_code AS region, count(*) AS n
         FROM referral r JOIN unit u ON u.id = r.referring_unit_id
        WHERE r.care_area_code = ? AND r.received_date BETWEEN ? AND ?
        GROUP BY u.healthcare_region_code, u.region_code`,
    )
    .all(p.careAreaCode, p.from, p.to) as { hr: string; region: string; n: number }[];

  const regions = db.prepare('SELECT code, name, default_healthcare_region_code AS hr FROM region ORDER BY code').all() as {
    code: string;
    name: string;
    hr: string | null;
  }[];
  const hrs = db.prepare('SELECT code, name_sv, name_en FROM healthcare_region').all() as { code: string; name_sv: string; name_en: string }[];
  const pop = populationFigures(new Map(regions.map((r) => [r.code, r.hr])));

  const sumBy = (key: 'hr' | 'region') => {
    const m = new Map<string, number>();
    for (const r of pairs) m.set(r[key], (m.get(r[key]) ?? 0) + r.n);
    return m;
  };
  const hrCounts = sumBy('hr');
  const regionCounts = sumBy('region');
  const row = (code: string, name: string, count: number, population: number | null): CountPerArea => ({
    code,
    name,
    count,
    population,
    per100k: per100k(count, population),
  });
  return {
    total: perMonth.reduce((s, m) => s + m.count, 0),
    perMonth,
    perHealthcareRegion: hrs.map((h) => row(h.code, p.lang === 'en' ? h.name_en : h.name_sv, hrCounts.get(h.code) ?? 0, pop.byHealthcareRegion.get(h.code) ?? null)),
    perRegion: regions.map((r) => row(r.code, r.name, regionCounts.get(r.code) ?? 0, pop.byRegion.get(r.code) ?? null)),
  };
}
