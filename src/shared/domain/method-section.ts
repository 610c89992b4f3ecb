/**
 * The follow-up report's method section: every figure the dashboard, its CSV, the PDF and `mdk stats`
 * show, named as they name it, with its definition. One list, so a new figure is defined once.
 */
type T = (key: string, params?: Record<string, string | number>) => string;

/** [the figure's label key, its definition key]. */
const FIGURES: [string, string][] = [
  ['followUp.table.perMonth', 'method.referrals'],
  ['followUp.col.per100k', 'method.per100k'],
  ['followUp.lead.receivedToMdk', 'method.receivedToMdk'],
  ['followUp.lead.suspicionToMdk', 'method.suspicionToMdk'],
  ['followUp.lead.mdkToTreatment', 'method.mdkToTreatment'],
  ['followUp.c.completeAtFirst', 'method.completeAtFirst'],
  ['followUp.c.answerMedian', 'method.completionTime'],
  ['followUp.table.meetings', 'method.meetings'],
  ['followUp.m.quorumShare', 'method.quorum'],
  ['followUp.table.attendance', 'method.attendance'],
  ['followUp.cp.share', 'method.carePlans'],
  ['followUp.cp.confirmationMedian', 'method.handovers'],
  ['followThrough.fig.implementationRate', 'method.implementationRate'],
  ['followThrough.fig.conferenceToStart', 'method.conferenceToStart'],
  ['followThrough.fig.wishesRecorded', 'method.wishesRecorded'],
  ['followThrough.fig.trialConsidered', 'method.trialConsidered'],
  ['followThrough.fig.postponementRate', 'method.postponementRate'],
  ['followThrough.fig.discussionMinutes', 'method.discussionMinutes'],
  ['followThrough.fig.checklistComplete', 'method.checklistComplete'],
  ['followUp.chart.median', 'method.median'],
  ['followThrough.fig.target', 'method.targets'],
];

export interface MethodSection {
  title: string;
  intro: string;
  entries: { figure: string; definition: string }[];
}

export function methodSection(t: T): MethodSection {
  return {
    title: t('method.title'),
    intro: t('method.intro'),
    entries: FIGURES.map(([figure, definition]) => ({ figure: t(figure).replace(/\s*\((%|dagar|days)\)$/, ''), definition: t(definition) })),
  };
}
