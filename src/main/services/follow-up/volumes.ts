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
  // Two index-only passes without sorting 25,000 rows together: per received date (in index
  // order) and per referring unit; the unit gives region and healthcare region.
  const args = [p.careAreaCode, p.from, p.to];
  const perDate = db
    .prepare('SELECT received_date, count(*) FROM referral WHERE care_area_code = ? AND received_date BETWEEN ? AND ? GROUP BY received_date')
    .raw()
    .all(...args) as [string, number][];
  const perUnit = db
    .prepare('SELECT referring_unit_id, count(*) FROM referral WHERE care_area_code = ? AND received_date BETWEEN ? AND ? GROUP BY referring_unit_id')
    .raw()
    .all(...args) as [number, number][];
  const units = new Map(
    (db.prepare('SELECT id, healthcare_region_code, region_code FROM unit').raw().all() as [number, string, string][]).map(([id, hr, region]) => [
      id,
      { hr, region },
    ]),
  );
  const byMonth = new Map<string, number>();
  for (const [date, n] of perDate) byMonth.set(date.slice(0, 7), (byMonth.get(date.slice(0, 7)) ?? 0) + n);
  const pairs: { hr: string; region: string; n: number }[] = [];
  for (const [unitId, n] of perUnit) {
    const u = units.get(unitId);
    if (u) pairs.push({ ...u, n });
  }
  const perMonth = monthsOf(p.from, p.to).map((month) => ({ month, count: byMonth.get(month) ?? 0 }));

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
