import type { Lang } from '../../../shared/i18n';

/** A care area and an inclusive period, with the language names are given in. */
export interface Period {
  careAreaCode: string;
  from: string;
  to: string;
  lang: Lang;
}

/**
 * MDK date of a referral (CTE `mdk(referral_id, mdk_date)`): the date of the first meeting of the
 * care area where it was discussed: a case-list item marked discussed, or a recommendation given.
 * Bind the care area code twice.
 */
export const MDK_DATE_CTE = `
  mdk(referral_id, mdk_date) AS (
    SELECT referral_id, min(local_date) FROM (
      SELECT cli.referral_id, m.local_date FROM meeting m
        JOIN case_list_item cli ON cli.meeting_id = m.id AND cli.outcome = 'discussed'
       WHERE m.care_area_code = ?
      UNION ALL
      SELECT rec.referral_id, m.local_date FROM meeting m
        JOIN recommendation rec ON rec.meeting_id = m.id
       WHERE m.care_area_code = ?
    ) GROUP BY referral_id
  )`;
