import type { ReactNode } from 'react';
import type { FollowUpDashboard } from '../../../shared/api/methods/follow-up';
import { BarChart, SERIES_STYLE } from './charts';
import type { Translate } from '../../../shared/i18n';

type T = Translate;

/** The chart shown beside each table that has one, keyed by the table's id. */
export function chartsFor(d: FollowUpDashboard, t: T): Record<string, ReactNode> {
  const roleLabel = (role: string) => {
    const text = t(`followUp.role.${role}`);
    return text === `followUp.role.${role}` ? role : text;
  };
  const lead = [d.leadTimes.receivedToMdk, d.leadTimes.suspicionToMdk, d.leadTimes.mdkToTreatment];
  return {
    'per-month': (
      <BarChart
        label={t('followUp.chart.perMonth')}
        yTitle={t('followUp.col.referrals')}
        data={{
          labels: d.volumes.perMonth.map((m) => m.month),
          datasets: [{ label: t('followUp.col.referrals'), data: d.volumes.perMonth.map((m) => m.count), ...SERIES_STYLE.solid() }],
        }}
      />
    ),
    'per-healthcare-region': (
      <BarChart
        horizontal
        label={t('followUp.chart.perHealthcareRegion')}
        yTitle={t('followUp.col.per100k')}
        data={{
          labels: d.volumes.perHealthcareRegion.map((h) => h.name),
          datasets: [{ label: t('followUp.col.per100k'), data: d.volumes.perHealthcareRegion.map((h) => h.per100k), ...SERIES_STYLE.solid() }],
        }}
      />
    ),
    'lead-times': (
      <BarChart
        label={t('followUp.chart.leadTimes')}
        yTitle={t('followUp.col.medianDays').replace(/^.*\(/, '(')}
        data={{
          labels: [t('followUp.lead.receivedToMdk'), t('followUp.lead.suspicionToMdk'), t('followUp.lead.mdkToTreatment')],
          datasets: [
            { label: t('followUp.chart.median'), data: lead.map((l) => l.median), ...SERIES_STYLE.solid() },
            { label: t('followUp.chart.p90'), data: lead.map((l) => l.p90), ...SERIES_STYLE.striped() },
          ],
        }}
        // The lead-time target applies to the times to MDK, not to the start of treatment.
        target={{ label: t('followUp.chart.target', { days: d.leadTimes.targetDays }), values: [d.leadTimes.targetDays, d.leadTimes.targetDays, null] }}
      />
    ),
    'care-plans': (
      <BarChart
        label={t('followUp.chart.carePlans')}
        yTitle="%"
        max={100}
        data={{
          labels: [t('followUp.cp.share')],
          datasets: [
            { label: t('followUp.cp.share'), data: [d.carePlans.share === null ? null : Math.round(d.carePlans.share * 1000) / 10], ...SERIES_STYLE.solid() },
          ],
        }}
        target={{ label: t('followUp.cp.target'), values: [d.carePlans.target * 100] }}
      />
    ),
    attendance: (
      <BarChart
        stacked
        label={t('followUp.chart.attendance')}
        yTitle={t('followUp.col.count')}
        data={{
          labels: d.meetings.attendance.map((a) => roleLabel(a.role)),
          datasets: [
            { label: t('followUp.col.present'), data: d.meetings.attendance.map((a) => a.present), ...SERIES_STYLE.solid() },
            { label: t('followUp.col.remote'), data: d.meetings.attendance.map((a) => a.remote), ...SERIES_STYLE.striped() },
            { label: t('followUp.col.absent'), data: d.meetings.attendance.map((a) => a.absent), ...SERIES_STYLE.outline() },
          ],
        }}
      />
    ),
  };
}
