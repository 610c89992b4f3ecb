import { useCan } from '../security/useCan';
import { RoleLimitNote } from '../security/RoleLimited';
import { useState } from 'react';
import type { MeetingDetail } from '../../../shared/api/methods/scheduling';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { useApiData } from '../../lib/useApiData';

/** Adds or removes participants of this one meeting (the series' defaults are set in the series). */
export function MeetingParticipants({ meeting, onChanged }: { meeting: MeetingDetail; onChanged(): void }) {
  const t = useT();
  const canChange = useCan('meetings.addParticipant');
  const people = useApiData(() => api.call('people.list', {}), []);
  const [personId, setPersonId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const fe = useFieldErrors(error);
  const present = new Set(meeting.participants.map((p) => p.personId));
  async function run(fn: () => Promise<unknown>) {
    try {
      setError(null);
      await fn();
      setPersonId('');
      onChanged();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <section className="card" aria-labelledby="participants-title">
      <h2 id="participants-title">{t('mdkMeeting.participants')}</h2>
      <ErrorBanner error={error} />
      <ul className="plain-list participant-list">
        {meeting.participants.map((p) => (
          <li key={p.personId}>
            {p.name} – {t(`participantRole.${p.role}`)}
            {p.email ? <span className="muted"> &lt;{p.email}&gt;</span> : <span className="tag">{t('mdkMeeting.noEmail')}</span>}{' '}
            {canChange && (
              <button
                type="button"
                className="link"
                onClick={() => run(() => api.call('meetings.removeParticipant', { meetingId: meeting.id, personId: p.personId }))}
                aria-label={t('mdkMeeting.removeParticipant', { name: p.name })}
              >
                {t('mdkMeeting.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <RoleLimitNote method="meetings.addParticipant" />
      {canChange && (
        <form
          className="toolbar participant-add"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => api.call('meetings.addParticipant', { meetingId: meeting.id, personId: Number(personId) }));
          }}
        >
          <Field label={t('mdkMeeting.addParticipant')} error={fe('personId')}>
            <select value={personId} onChange={(e) => setPersonId(e.target.value)}>
              <option value="" />
              {people.data
                ?.filter((p) => !present.has(p.id))
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({t(`participantRole.${p.role}`)})
                  </option>
                ))}
            </select>
          </Field>
          <button type="submit" disabled={!personId}>
            {t('common.add')}
          </button>
        </form>
      )}
    </section>
  );
}
