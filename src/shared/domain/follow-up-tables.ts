import type { FollowUpDashboard } from '../api/methods/follow-up';
import type { DurationSummary } from './statistics';
import type { ReportTable } from './report-table';
import type { Translate } from '../i18n';

type T = Translate;

/** Role labels for the attendance table; unknown roles show as stored. */
function roleLabel(t: T, role: string): string {
  const key = `followUp.role.${role}` as const;
  const text = t(key);
  return text === key ? role : text;
}

const durationRow = (label: string, d: DurationSummary, withTarget: boolean) => [label, d.count, d.median, d.p90, withTarget ? d.withinTarget : null];

/**
 * The dashboard as labelled tables, in the order the screen and the PDF show them. The same
 * tables back the CSV export and the CLI, so every output agrees.
 */
export function followUpTables(d: FollowUpDashboard, t: T): ReportTable[] {
  const perArea = (id: string, title: string, nameLabel: string, rows: FollowUpDashboard['volumes']['perRegion']): ReportTable => ({
    id,
    title,
    columns: [
      { label: nameLabel, kind: 'text' },
      { label: t('followUp.col.referrals'), kind: 'int' },
      { label: t('followUp.col.population', { year: d.population.year }), kind: 'int' },
      { label: t('followUp.col.per100k'), kind: 'rate' },
    ],
    rows: rows.map((r) => [r.name, r.count, r.population, r.per100k]),
    note: t('followUp.note.perArea'),
  });
  const c = d.completeness;
  const m = d.meetings;
  const cp = d.carePlans;
  return [
    {
      id: 'per-month',
      title: t('followUp.table.perMonth'),
      columns: [
        { label: t('followUp.col.month'), kind: 'text' },
        { label: t('followUp.col.referrals'), kind: 'int' },
      ],
      rows: [...d.volumes.perMonth.map((r) => [r.month, r.count]), [t('followUp.total'), d.volumes.total]],
      note: t('followUp.note.received'),
    },
    perArea('per-healthcare-region', t('followUp.table.perHealthcareRegion'), t('followUp.col.healthcareRegion'), d.volumes.perHealthcareRegion),
    perArea('per-region', t('followUp.table.perRegion'), t('followUp.col.region'), d.volumes.perRegion),
    {
      id: 'lead-times',
      title: t('followUp.table.leadTimes'),
      columns: [
        { label: t('followUp.col.leadTime'), kind: 'text' },
        { label: t('followUp.col.count'), kind: 'int' },
        { label: t('followUp.col.medianDays'), kind: 'decimal' },
        { label: t('followUp.col.p90Days'), kind: 'decimal' },
        { label: t('followUp.col.withinTarget', { days: d.leadTimes.targetDays }), kind: 'percent' },
      ],
      rows: [
        durationRow(t('followUp.lead.receivedToMdk'), d.leadTimes.receivedToMdk, true),
        durationRow(t('followUp.lead.suspicionToMdk'), d.leadTimes.suspicionToMdk, true),
        durationRow(t('followUp.lead.mdkToTreatment'), d.leadTimes.mdkToTreatment, false),
      ],
      note: t('followUp.note.leadTimes'),
    },
    {
      id: 'completeness',
      title: t('followUp.table.completeness'),
      columns: [
        { label: t('followUp.col.measure'), kind: 'text' },
        { label: t('followUp.col.value'), kind: 'decimal' },
      ],
      rows: [
        [t('followUp.c.assessed'), c.assessed],
        [t('followUp.c.completeAtFirst'), c.completeAtFirstSubmission],
        [t('followUp.c.shareCompleteAtFirst'), c.shareCompleteAtFirstSubmission === null ? null : c.shareCompleteAtFirstSubmission * 100],
        [t('followUp.c.referralsWithRequest'), c.referralsWithRequest],
        [t('followUp.c.requests'), c.requests],
        [t('followUp.c.requestsAnswered'), c.requestsAnswered],
        [t('followUp.c.answerMedian'), c.answerDays.median],
        [t('followUp.c.answerP90'), c.answerDays.p90],
      ],
      note: t('followUp.note.completeness'),
    },
    {
      id: 'meetings',
      title: t('followUp.table.meetings'),
      columns: [
        { label: t('followUp.col.measure'), kind: 'text' },
        { label: t('followUp.col.value'), kind: 'decimal' },
      ],
      rows: [
        [t('followUp.m.held'), m.held],
        [t('followUp.m.cancelled'), m.cancelled],
        [t('followUp.m.casesDiscussed'), m.casesDiscussed],
        [t('followUp.m.casesPerMeeting'), m.casesPerMeeting],
        [t('followUp.m.postponed'), m.postponed],
        [t('followUp.m.withAttendance'), m.withAttendance],
        [t('followUp.m.quorumReached'), m.quorumReached],
        [t('followUp.m.quorumShare'), m.quorumShare === null ? null : m.quorumShare * 100],
      ],
      note: t('followUp.note.meetings'),
    },
    {
      id: 'attendance',
      title: t('followUp.table.attendance'),
      columns: [
        { label: t('followUp.col.role'), kind: 'text' },
        { label: t('followUp.col.present'), kind: 'int' },
        { label: t('followUp.col.remote'), kind: 'int' },
        { label: t('followUp.col.absent'), kind: 'int' },
        { label: t('followUp.col.notRecorded'), kind: 'int' },
      ],
      rows: m.attendance.map((a) => [roleLabel(t, a.role), a.present, a.remote, a.absent, a.notRecorded]),
    },
    {
      id: 'care-plans',
      title: t('followUp.table.carePlans'),
      columns: [
        { label: t('followUp.col.measure'), kind: 'text' },
        { label: t('followUp.col.value'), kind: 'decimal' },
      ],
      rows: [
        [t('followUp.cp.discharged'), cp.discharged],
        [t('followUp.cp.withFinalisedPlan'), cp.withFinalisedPlan],
        [t('followUp.cp.share'), cp.share === null ? null : cp.share * 100],
        [t('followUp.cp.target'), cp.target * 100],
        [t('followUp.cp.handoversSent'), cp.handoversSent],
        [t('followUp.cp.handoversConfirmed'), cp.handoversConfirmed],
        [t('followUp.cp.confirmationMedian'), cp.confirmationDays.median],
        [t('followUp.cp.confirmationP90'), cp.confirmationDays.p90],
      ],
      note: t('followUp.note.carePlans'),
    },
  ];
}
