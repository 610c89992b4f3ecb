import type { Db } from '../../db/driver';
import type { FollowUpDashboard, FollowUpPeriodInput } from '../../../shared/api/methods/follow-up';
import { invalid } from '../../../shared/api/errors';
import type { Lang } from '../../../shared/i18n';
import { populationFigures } from './population';
import { volumes } from './volumes';
import { completeness } from './completeness';
import { leadTimes } from './lead-times';
import { meetings } from './meetings';
import { carePlans } from './care-plans';
import { cached } from '../../db/statements';

/**
 * The whole follow-up dashboard of one care area and period. Each figure is one or two set-based
 * queries over narrow indexes of the care area (migration 0010 keeps the data they need beside
 * them), prepared once per connection, so ten years of a care area with 25,000 referrals stay well
 * under 100 ms (the benchmark's dashboard_ten_years_ms).
 */
export function followUpDashboard(db: Db, input: Required<FollowUpPeriodInput>, lang: Lang): FollowUpDashboard {
  const area = cached(db, 'SELECT code, name_sv AS nameSv, name_en AS nameEn, lead_time_target_days AS leadTimeTargetDays FROM care_area WHERE code = ?').get(
    input.careAreaCode,
  ) as FollowUpDashboard['careArea'] | undefined;
  if (!area) throw invalid('careAreaCode', 'followUp.unknownCareArea', { code: input.careAreaCode });
  const period = { careAreaCode: area.code, from: input.from, to: input.to, lang };
  const regionHr = cached(db, 'SELECT code, default_healthcare_region_code FROM region').raw().all() as [string, string | null][];
  const pop = populationFigures(new Map(regionHr));
  return {
    careArea: area,
    from: input.from,
    to: input.to,
    population: { source: pop.source, sourceEn: pop.sourceEn, year: pop.year },
    volumes: volumes(db, period),
    completeness: completeness(db, period),
    leadTimes: leadTimes(db, period, area.leadTimeTargetDays),
    meetings: meetings(db, period),
    carePlans: carePlans(db, period),
  };
}
