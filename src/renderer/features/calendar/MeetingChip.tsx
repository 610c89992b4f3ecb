import type { MeetingSummary, SkippedOccurrence } from '../../../shared/api/methods/scheduling';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';

/** One meeting in the week or month grid: time, status and listed cases; opens the meeting. */
export function MeetingChip({ m }: { m: MeetingSummary }) {
  const t = useT();
  return (
    <a className={`meeting-chip status-${m.status}`} href={`#/calendar/meeting/${m.id}`}>
      <strong>
        {m.startTime}–{m.endTime}
      </strong>{' '}
      {m.seriesName ?? m.careAreaCode}
      <span className="chip-meta">
        {m.status === 'cancelled' ? t('cal.status.cancelled') : t('cal.casesOf', { count: m.caseCount, capacity: m.capacityCases ?? '–' })}
      </span>
    </a>
  );
}

export function SkippedChip({ s }: { s: SkippedOccurrence }) {
  const t = useT();
  const lang = useAppStore((st) => st.lang);
  return <div className="meeting-chip skipped">{t('cal.skippedHoliday', { holiday: lang === 'sv' ? s.holidaySv : s.holidayEn })}</div>;
}

/** One day's cell content in the week or month grid: its meetings, then the series occurrences it skips. */
export function DayEntries({ date, data }: { date: string; data: { meetings: MeetingSummary[]; skipped: SkippedOccurrence[] } | null | undefined }) {
  return (
    <>
      {data?.meetings
        .filter((m) => m.localDate === date)
        .map((m) => (
          <MeetingChip key={m.id} m={m} />
        ))}
      {data?.skipped
        .filter((s) => s.date === date)
        .map((s) => (
          <SkippedChip key={s.seriesId} s={s} />
        ))}
    </>
  );
}
