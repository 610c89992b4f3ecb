import type { FollowThroughFigures } from '../api/methods/follow-through';
import type { ReportTable } from './report-table';
import { ITEM_PHASE } from './checklist';
import type { Translate } from '../i18n';

type T = Translate;

/**
 * The follow-through figures as labelled tables: the same tables back the dashboard, its CSV export,
 * the PDF report and `mdk stats`, so every output agrees.
 */
export function followThroughTables(f: FollowThroughFigures, t: T): ReportTable[] {
  const g = f.targets;
  return [
    {
      id: 'follow-through',
      title: t('followThrough.figures'),
      columns: [
        { label: t('followThrough.figures'), kind: 'text' },
        { label: t('followThrough.fig.count'), kind: 'int' },
        { label: t('followThrough.fig.value'), kind: 'percent' },
        { label: t('followThrough.fig.target'), kind: 'percent' },
      ],
      rows: [
        [t('followThrough.fig.discussed'), f.discussed, null, null],
        [t('followThrough.fig.implementationRate'), f.implementation.started + f.implementation.carriedOut, f.implementation.rate, g.implementationRate],
        [t('followThrough.fig.noStatus'), f.implementation.noStatus + f.implementation.awaiting, null, null],
        [t('followThrough.fig.wishesRecorded'), f.wishesRecorded, f.wishesRecordedShare, g.wishesRecorded],
        [t('followThrough.fig.trialConsidered'), f.trialConsidered, f.trialConsideredShare, g.trialConsidered],
        [t('followThrough.fig.postponementRate'), f.postponed, f.postponementRate, g.postponementRate],
        [t('followThrough.fig.checklistComplete'), f.checklist.complete, f.checklist.share, g.checklistComplete],
      ],
      note: t('followThrough.method'),
    },
    {
      id: 'checklist-items',
      title: t('checklist.fig.items'),
      columns: [
        { label: t('checklist.fig.item'), kind: 'text' },
        { label: t('checklist.fig.done'), kind: 'int' },
        { label: t('followThrough.fig.value'), kind: 'percent' },
      ],
      rows: f.checklist.items.map((i) => [`${t(`checklist.phase.${ITEM_PHASE[i.item]}`)}: ${t(`checklist.item.${i.item}`)}`, i.done, i.share]),
      note: t('checklist.fig.note', { cases: f.checklist.cases }),
    },
    {
      id: 'deviation-reasons',
      title: t('followThrough.fig.reasons'),
      columns: [
        { label: t('followThrough.deviationReason'), kind: 'text' },
        { label: t('followThrough.fig.count'), kind: 'int' },
      ],
      rows: f.implementation.deviationReasons.map((r) => [t(`followThrough.reason.${r.reason}`), r.count]),
    },
    {
      id: 'follow-through-times',
      title: `${t('followThrough.fig.conferenceToStart')} · ${t('followThrough.fig.discussionMinutes')}`,
      columns: [
        { label: t('followThrough.figures'), kind: 'text' },
        { label: t('followUp.col.count'), kind: 'int' },
        { label: t('followUp.col.medianDays').replace(/\s*\(.*\)$/, ''), kind: 'decimal' },
        { label: t('followUp.col.p90Days').replace(/\s*\(.*\)$/, ''), kind: 'decimal' },
      ],
      rows: [
        [t('followThrough.fig.conferenceToStart'), f.conferenceToStart.count, f.conferenceToStart.median, f.conferenceToStart.p90],
        [t('followThrough.fig.discussionMinutes'), f.discussionMinutes.count, f.discussionMinutes.median, f.discussionMinutes.p90],
      ],
    },
  ];
}
