import type { Lang } from '../../../shared/i18n';

/** A care area and an inclusive period, with the language names are given in. */
export interface Period {
  careAreaCode: string;
  from: string;
  to: string;
  lang: Lang;
}


/**
 * CTE `mdk(referral_id, mdk_date)`: the MDK date of each referral of the care area, i.e. the date
 * of the first meeting where it was discussed (a case-list item marked discussed, or a
 * recommendation given). Index-only scans. Binds: care area, to, care area, to.
 */
export const MDK_DATE_CTE = `
  mdk(referral_id, mdk_date) AS MATERIALIZED (
    SELECT referral_id, min(local_date) FROM (
      SELECT cli.referral_id, m.local_date FROM meeting m
        JOIN case_list_item cli ON cli.meeting_id = m.id AND cli.outcome = 'discussed'
       WHERE m.care_area_code = ? AND m.local_date <= ?
      UNION ALL
      SELECT rec.referral_id, m.local_date FROM meeting m
        JOIN recommendation rec ON rec.meeting_id = m.id
       WHERE m.care_area_code = ? AND m.local_date <= ?
    ) GROUP BY referral_id
  )`;
