import type { Participant } from '../../../shared/api/methods/case-lists';
import { hasMessage } from '../../../shared/i18n';
import { useT } from '../../i18n/useT';

/**
 * Where issue 4's AttendancePanel (src/renderer/features/calendar/AttendancePanel.tsx, props
 * meetingId) is embedded at merge: it records attendance. Until then this slot shows what is recorded.
 */
export function AttendanceSlot({ meetingId }: { meetingId: number }) {
  return <div className="attendance-slot" data-meeting-id={meetingId} data-slot="calendar/AttendancePanel" />;
}

const ATTENDANCE_KEY = { present: 'caseList.attendancePresent', remote: 'caseList.attendanceRemote', absent: 'caseList.attendanceAbsent' } as const;

/** The meeting's participants with their recorded attendance (meeting_participant). */
export function ParticipantsPanel({ meetingId, participants }: { meetingId: number; participants: Participant[] }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="participants-heading">
      <h2 id="participants-heading">{t('caseList.participants')}</h2>
      {participants.length === 0 ? (
        <p className="muted">{t('caseList.noParticipants')}</p>
      ) : (
        <ul className="participants">
          {participants.map((p) => (
            <li key={p.personId}>
              <span>
                {p.name} <span className="muted">({hasMessage(`participantRole.${p.role}`) ? t(`participantRole.${p.role}`) : p.role}{p.unitName ? `, ${p.unitName}` : ''})</span>
              </span>
              <span className={`attendance attendance-${p.attendance ?? 'unknown'}`}>
                {p.attendance ? t(ATTENDANCE_KEY[p.attendance]) : t('caseList.attendanceUnknown')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {/* SLOT (issue 4): replace with <AttendancePanel meetingId={meetingId} /> at merge. */}
      <AttendanceSlot meetingId={meetingId} />
    </section>
  );
}
