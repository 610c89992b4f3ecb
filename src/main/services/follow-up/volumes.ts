import type { Db } from '../../db/driver';
import type { CountPerArea, FollowUpDashboard } from '../../../shared/api/methods/follow-up';
import { per100k } from '../../../shared/domain/statistics';
import { populationFigures } from './population';
import type { Period } from './period';
import { cached } from '../../db/statements';

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
  // Each month is counted on one range of the covering index (care area, received date, ...):
  // counting a range is several times cheaper than grouping every referral, and the months come from
  // monthsOf, so none is missed. The referring units (which give region and healthcare region) are
  // grouped in one pass over the same index. A second index led by the care area would be picked by
  // other features' queries too (SQLite has no statistics on it) and slow them down.
  const args = { area: p.careAreaCode, from: p.from, to: p.to };
  const perMonth = (
    cached(
      db,
      `SELECT value, (SELECT count(*) FROM referral WHERE care_area_code = @area
                           AND received_date BETWEEN max(@from, value || '-01') AND min(@to, value || '-31'))
           FROM json_each(@months)`,
    )
      .raw()
      .all({ ...args, months: JSON.stringify(monthsOf(p.from, p.to)) }) as [string, number][]
  ).map(([month, count]) => ({ month, count }));
  const pairs = (
    cached(
      db,
      `SELECT u.healthcare_region_code, u.region_code, n
           FROM (SELECT referring_unit_id, count(*) AS n FROM referral
                  WHERE care_area_code = @area AND received_date BETWEEN @from AND @to GROUP BY referring_unit_id)
           JOIN unit u ON u.id = referring_unit_id`,
    )
      .raw()
      .all(args) as [string, string, number][]
  ).map(([hr, region, n]) => ({ hr, region, n }));

  const regions = cached(db, 'SELECT code, name, default_healthcare_region_code AS hr FROM region ORDER BY code').all() as {
    code: string;
    name: string;
    hr: string | null;
  }[];
  const hrs = cached(db, 'SELECT code, name_sv, name_en FROM healthcare_region').all() as { code: string; name_sv: string; name_en: string }[];
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
    perHealthcareRegion: hrs.map((h) =>
      row(h.code, p.lang === 'en' ? h.name_en : h.name_sv, hrCounts.get(h.code) ?? 0, pop.byHealthcareRegion.get(h.code) ?? null),
    ),
    perRegion: regions.map((r) => row(r.code, r.name, regionCounts.get(r.code) ?? 0, pop.byRegion.get(r.code) ?? null)),
  };
}
