import { useEffect, useState } from 'react';
import { useDataChanged } from '../team/useDataChanged';
import { api } from '../../lib/api';
import { downloadFile, printPdf } from '../../lib/files';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { Page } from '../../ui/Page';
import { useCaseListStore } from './store';
import { NotQuorateRecord } from './FinaliseDialog';
import { SortableCaseList } from './SortableCaseList';
import { ProposalPanel } from './ProposalPanel';
import { AttendancePanel } from '../calendar/AttendancePanel';
import { stockholmClock, stockholmDateTime } from './format';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { downloadAll } from '../calendar/ics';
import { MeetingChecklistSummary } from '../checklist/MeetingChecklist';

/** Building one meeting's case list: the list (ordered, timed), the proposal, lock/unlock, the agenda. */
export function CaseListBuilder({ meetingId }: { meetingId: number }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { view, error, notice, load, act } = useCaseListStore();
  const [unlocking, setUnlocking] = useState(false);
  const [confirmLock, setConfirmLock] = useState(false);
  const [reason, setReason] = useState('');
  const fe = useFieldErrors(error);
  useEffect(() => {
    void load(meetingId);
  }, [load, meetingId]);
  useDataChanged(() => void load(meetingId));
  if (!view || view.meeting.id !== meetingId) return <ErrorBanner error={error} />;
  const m = view.meeting;
  const editable = m.status === 'planned' && !m.lockedAt;
  const area = lang === 'sv' ? m.careAreaNameSv : m.careAreaNameEn;
  const run = (change: () => Promise<unknown>) => act(meetingId, change);
  const agenda = async (minimal: boolean, print: boolean) => {
    await run(async () => {
      const file = await api.call('caseLists.agendaPdf', { meetingId, minimal, purpose: print ? 'print' : 'export' });
      if (print) printPdf(file);
      else downloadFile(file);
    });
  };
  const invitation = () => run(async () => downloadAll((await api.call('meetings.exportIcs', { meetingId })).files));
  // "Skicka ut": the full and the minimal agenda and the calendar invitation, saved in one step.
  const sendOut = () =>
    act(
      meetingId,
      async () => {
        const full = await api.call('caseLists.agendaPdf', { meetingId, minimal: false });
        const minimal = await api.call('caseLists.agendaPdf', { meetingId, minimal: true });
        const ics = await api.call('meetings.exportIcs', { meetingId });
        downloadAll([full, minimal, ...ics.files]);
      },
      t('caseList.sentOut'),
    );
  const lock = async (thenSend: boolean) => {
    setConfirmLock(false);
    if ((await run(() => api.call('caseLists.lock', { meetingId }))) && thenSend) await sendOut();
  };
  return (
    <Page
      title={t('caseList.heading', { date: m.localDate })}
      actions={
        <>
          <a href="#/case-lists">{t('caseList.back')}</a>
          <button type="button" onClick={() => agenda(false, false)}>
            {t('caseList.agenda')}
          </button>
          <button type="button" onClick={() => agenda(true, false)}>
            {t('caseList.agendaMinimal')}
          </button>
          <button type="button" onClick={() => agenda(false, true)}>
            {t('caseList.print')}
          </button>
          <button type="button" onClick={invitation}>
            {t('caseList.invitation')}
          </button>
        </>
      }
    >
      <p className="meeting-facts">
        {t('caseList.meetingFacts', {
          area,
          start: stockholmClock(m.startsAt),
          end: stockholmClock(view.endsAt),
          deadline: m.deadlineAt ? stockholmDateTime(m.deadlineAt) : '–',
        })}
      </p>
      <p className="usage" aria-live="polite">
        {m.capacityCases
          ? t('caseList.usage', { cases: m.caseCount, max: m.capacityCases, minutes: m.caseMinutes, duration: m.durationMinutes })
          : t('caseList.usageNoMax', { cases: m.caseCount, minutes: m.caseMinutes, duration: m.durationMinutes })}
      </p>
      <ErrorBanner error={error} />
      <p role="status" className={notice ? 'banner banner-ok' : 'visually-hidden'}>
        {notice}
      </p>
      {m.status === 'finalised' && m.finalisedAt && (
        <p className="banner banner-ok">{t('meeting.finalised', { at: stockholmDateTime(m.finalisedAt), by: m.finalisedBy ?? '' })}</p>
      )}
      <NotQuorateRecord notQuorate={m.notQuorate} />
      <MeetingChecklistSummary view={view} />
      <section className="card" aria-labelledby="list-heading">
        <div className="section-head">
          <h2 id="list-heading">{t('caseList.list')}</h2>
          {editable && view.items.length > 0 && (
            <button type="button" className="primary" onClick={() => setConfirmLock(true)}>
              {t('caseList.lock')}
            </button>
          )}
          {m.lockedAt && m.status === 'planned' && (
            <>
              <span className="tag">{t('caseList.lockedAt', { at: stockholmDateTime(m.lockedAt) })}</span>
              <button type="button" onClick={() => setUnlocking(true)}>
                {t('caseList.unlock')}
              </button>
            </>
          )}
          {m.lockedAt && m.status === 'planned' && (
            <button type="button" className="primary" onClick={sendOut}>
              {t('caseList.sendOut')}
            </button>
          )}
          {m.lockedAt && (
            <a className="button-link primary" href={`#/case-lists/${meetingId}/meeting`}>
              {t('caseList.runMeeting')}
            </a>
          )}
        </div>
        {confirmLock && (
          <ConfirmDialog
            title={t('caseList.lockConfirm.title')}
            onCancel={() => setConfirmLock(false)}
            actions={[
              { label: t('caseList.lockAndSend'), primary: true, onConfirm: () => void lock(true) },
              { label: t('caseList.lockOnly'), onConfirm: () => void lock(false) },
            ]}
          >
            <p>{t('caseList.lockConfirm.body', { count: view.items.length })}</p>
          </ConfirmDialog>
        )}
        {unlocking && m.lockedAt && (
          <form
            className="inline-form"
            onSubmit={async (e) => {
              e.preventDefault();
              if (await run(() => api.call('caseLists.unlock', { meetingId, reason }))) {
                setUnlocking(false);
                setReason('');
              }
            }}
          >
            <Field label={t('caseList.unlockReason')} error={fe('reason')} wide>
              <input value={reason} onChange={(e) => setReason(e.target.value)} />
            </Field>
            <button type="submit" className="primary">
              {t('caseList.unlockConfirm')}
            </button>
            <button type="button" onClick={() => setUnlocking(false)}>
              {t('common.cancel')}
            </button>
          </form>
        )}
        {view.items.length === 0 ? (
          <p className="muted">{t('caseList.empty')}</p>
        ) : (
          <SortableCaseList
            items={view.items}
            editable={editable}
            onReorder={(referralIds) => run(() => api.call('caseLists.reorder', { meetingId, referralIds, expectedVersion: m.caseListVersion }))}
            onRemove={(referralId) => run(() => api.call('caseLists.remove', { meetingId, referralId }))}
            onMinutes={(referralId, minutes) => run(() => api.call('caseLists.setMinutes', { meetingId, referralId, minutes }))}
          />
        )}
        {view.unlocks.length > 0 && (
          <details>
            <summary>{t('caseList.unlocks')}</summary>
            <ul className="plain-list">
              {view.unlocks.map((u) => (
                <li key={u.at}>
                  {stockholmDateTime(u.at)} · {u.userName}: {u.reason}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
      {view.proposal && (
        <ProposalPanel proposal={view.proposal} onAdd={(referralIds, byHand) => run(() => api.call('caseLists.add', { meetingId, referralIds, byHand }))} />
      )}
      <AttendancePanel meetingId={meetingId} />
    </Page>
  );
}
