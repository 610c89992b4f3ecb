import { useState } from 'react';
import type { MeetingDetail } from '../../../shared/api/methods/scheduling';
import { ATTENDANCE, computeQuorum, type Attendance, type Quorum } from '../../../shared/domain/quorum';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { useApiData } from '../../lib/useApiData';
import { useCan } from '../security/useCan';
import { RoleLimitNote } from '../security/RoleLimited';

/**
 * Attendance per participant and the meeting's quorum (beslutsförhet: every required role present
 * on site or remote). Before anything is recorded it shows whether the invited participants cover
 * the required roles. Reusable: the case-list meeting view embeds it with a meeting id.
 */
export function AttendancePanel({ meetingId, onChange }: { meetingId: number; onChange?: (quorum: Quorum) => void }) {
  const t = useT();
  const { data, error, reload } = useApiData(() => api.call('meetings.get', { id: meetingId }), [meetingId]);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [meeting, setMeeting] = useState<MeetingDetail | null>(null);
  // Physicians see attendance and quorum; the contact nurse or coordinator records it.
  const canRecord = useCan('meetings.setAttendance');
  const m = meeting && meeting.id === meetingId ? meeting : data;
  if (error) return <ErrorBanner error={error} />;
  if (!m) return <p className="muted">{t('common.loading')}</p>;
  const readOnly = m.status !== 'planned' || !canRecord;

  async function record(personId: number, attendance: Attendance | null) {
    // Shown at once (the radio must follow the click); the server's quorum replaces the local one.
    const participants = m!.participants.map((p) => (p.personId === personId ? { ...p, attendance } : p));
    const optimistic = { ...m!, participants, quorum: computeQuorum(m!.requiredRoles, participants) };
    setMeeting(optimistic);
    try {
      setSaveError(null);
      const { quorum } = await api.call('meetings.setAttendance', { meetingId, personId, attendance });
      setMeeting({ ...optimistic, quorum });
      onChange?.(quorum);
    } catch (e) {
      setSaveError(e);
      setMeeting(null);
      reload();
    }
  }

  const quorum = m.quorum;
  return (
    <section className="card attendance-panel" aria-labelledby={`attendance-${meetingId}`}>
      <h2 id={`attendance-${meetingId}`}>{t('att.title')}</h2>
      {m.status !== 'cancelled' && <QuorumBanner quorum={quorum} requiredRoles={m.requiredRoles} />}
      <ErrorBanner error={saveError} />
      {m.status === 'planned' && m.participants.length > 0 && <RoleLimitNote method="meetings.setAttendance" />}
      {m.participants.length === 0 ? (
        <p className="muted">{t('att.noParticipants')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('people.name')}</th>
              <th>{t('people.role')}</th>
              <th>{t('att.attendance')}</th>
            </tr>
          </thead>
          <tbody>
            {m.participants.map((p) => (
              <tr key={p.personId}>
                <td>
                  {p.name}
                  {p.unitName && <div className="muted small">{p.unitName}</div>}
                </td>
                <td>{t(`participantRole.${p.role}`)}</td>
                <td>
                  <fieldset className="attendance-choice" aria-label={t('att.for', { name: p.name })} disabled={readOnly}>
                    {ATTENDANCE.map((a) => (
                      <label key={a} className={`choice choice-${a}`}>
                        <input type="radio" name={`att-${meetingId}-${p.personId}`} checked={p.attendance === a} onChange={() => record(p.personId, a)} />
                        {t(`attendance.${a}`)}
                      </label>
                    ))}
                    {p.attendance !== null && !readOnly && (
                      <button type="button" className="link small" onClick={() => record(p.personId, null)} aria-label={t('att.clearFor', { name: p.name })}>
                        {t('att.clear')}
                      </button>
                    )}
                  </fieldset>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The quorum in words: before the meeting (expected from the invitations) or as recorded. */
export function QuorumBanner({ quorum, requiredRoles }: { quorum: Quorum; requiredRoles: string[] }) {
  const t = useT();
  const roles = (list: string[]) => list.map((r) => t(`participantRole.${r}`)).join(', ');
  if (requiredRoles.length === 0)
    return (
      <p className="banner banner-warn" role="status">
        {t('att.noRequiredRoles')}
      </p>
    );
  if (!quorum.recorded) {
    return (
      <p className={`banner ${quorum.expectedMet ? 'banner-ok' : 'banner-warn'}`} role="status">
        {quorum.expectedMet ? t('att.expectedMet', { roles: roles(requiredRoles) }) : t('att.expectedMissing', { roles: roles(quorum.expectedMissingRoles) })}
      </p>
    );
  }
  return (
    <p className={`banner ${quorum.met ? 'banner-ok' : 'banner-error'}`} role="status">
      {quorum.met ? t('att.met', { roles: roles(requiredRoles) }) : t('att.missing', { roles: roles(quorum.missingRoles) })}
    </p>
  );
}
