import { useCallback, useEffect, useState } from 'react';
import { useDataChanged } from '../team/useDataChanged';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import type { CaseListItem, CaseListView } from '../../../shared/api/methods/case-lists';
import { formatIdentifier } from '../../../shared/domain/agenda';
import { api } from '../../lib/api';
import { downloadFile } from '../../lib/files';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { UndoToast } from '../../ui/UndoToast';
import { useCaseListStore } from './store';
import { RecommendationForm } from './RecommendationForm';
import { RecommendationView } from './RecommendationView';
import { AttendancePanel } from '../calendar/AttendancePanel';
import { RepliesPanel } from './RepliesPanel';
import { stockholmClock, stockholmDateTime } from './format';
import { usePermission } from '../security/useCan';
import { RoleLimited } from '../security/RoleLimited';
import { PersonFacts } from '../follow-through/PersonFacts';
import { useCaseTimes } from '../follow-through/useCaseTimes';
import { FinaliseDialog, NotQuorateRecord } from './FinaliseDialog';
import { MeetingChecklistSummary } from '../checklist/MeetingChecklist';
import { ChecklistPanel } from '../checklist/ChecklistPanel';

/** The meeting: one case at a time, large enough to share on screen, with its outcome beside it. */
export function MeetingRunView({ meetingId }: { meetingId: number }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { view, error, notice, load, undo, offerUndo, act } = useCaseListStore();
  const endUndo = useCallback(() => offerUndo(null), [offerUndo]);
  // The case on stage, by referral: when someone reorders the list during the meeting (team mode), the
  // chair stays on the same case (and keeps what is typed in its form), wherever it moved.
  const [currentId, setCurrentId] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { allowed: canFinalise, reason: finaliseWhyNot } = usePermission('caseLists.finalise');
  useEffect(() => {
    void load(meetingId);
  }, [load, meetingId]);
  useDataChanged(() => void load(meetingId));
  const firstId = view?.meeting.id === meetingId ? (view.items[0]?.referralId ?? null) : null;
  useEffect(() => {
    if (currentId === null && firstId !== null) setCurrentId(firstId);
  }, [currentId, firstId]);
  if (!view || view.meeting.id !== meetingId) return <ErrorBanner error={error} />;
  const m = view.meeting;
  const items = view.items;
  const at = Math.max(
    0,
    items.findIndex((c) => c.referralId === currentId),
  );
  const item = items[at];
  const setIndex = (n: number) => setCurrentId(items[n]?.referralId ?? null);
  const area = lang === 'sv' ? m.careAreaNameSv : m.careAreaNameEn;
  return (
    <section className="page meeting-run">
      <header className="page-header">
        <h1>{t('meeting.title', { area, date: m.localDate })}</h1>
        <div className="page-actions">
          <a href={`#/case-lists/${meetingId}`}>{t('meeting.backToList')}</a>
          {m.status === 'planned' && m.lockedAt && (
            // Only the chair finalises: others see why the button does nothing (the router refuses anyway).
            <>
              <button
                type="button"
                className="primary"
                onClick={() => setConfirming(true)}
                disabled={!canFinalise}
                aria-describedby={canFinalise ? undefined : 'finalise-why'}
              >
                {t('meeting.finalise')}
              </button>
              {!canFinalise && (
                <span id="finalise-why" className="muted">
                  {finaliseWhyNot}
                </span>
              )}
            </>
          )}
        </div>
      </header>
      {confirming && canFinalise && m.status === 'planned' && <FinaliseDialog meetingId={meetingId} onClose={() => setConfirming(false)} />}
      <ErrorBanner error={error} />
      {notice && undo && (
        <UndoToast
          message={notice}
          undoLabel={t('meeting.undo')}
          undoName={undo.name}
          onExpire={endUndo}
          onUndo={() => void act(meetingId, undo.run, undo.done)}
        />
      )}
      {notice && !undo && (
        <p className="banner banner-ok" role="status">
          {notice}
        </p>
      )}
      {!m.lockedAt && m.status === 'planned' && <p className="banner banner-warn">{t('caseList.lockFirst')}</p>}
      {m.status === 'finalised' && m.finalisedAt && (
        <p className="banner banner-ok">{t('meeting.finalised', { at: stockholmDateTime(m.finalisedAt), by: m.finalisedBy ?? '' })}</p>
      )}
      <NotQuorateRecord notQuorate={m.notQuorate} />
      <MeetingChecklistSummary view={view} />
      <div className="run-layout">
        <nav className="case-index" aria-label={t('meeting.cases')}>
          <ol>
            {items.map((c, n) => (
              <li key={c.referralId}>
                <button type="button" aria-current={n === at ? 'true' : undefined} onClick={() => setIndex(n)}>
                  <span>
                    {t('caseList.caseNo', { n: n + 1 })} · {stockholmClock(c.plannedStart)}
                  </span>
                  <span className="index-name">{c.familyName}</span>
                  <span className={`outcome outcome-${c.outcome}`}>{t(`meeting.outcome.${c.outcome}`)}</span>
                </button>
              </li>
            ))}
          </ol>
        </nav>
        {item && <CaseStage key={item.referralId} view={view} item={item} n={at} total={items.length} onGo={setIndex} />}
      </div>
      {m.status === 'finalised' && <RepliesPanel meetingId={meetingId} />}
      <AttendancePanel meetingId={meetingId} />
    </section>
  );
}

function CaseStage({ view, item, n, total, onGo }: { view: CaseListView; item: CaseListItem; n: number; total: number; onGo(n: number): void }) {
  const t = useT();
  const { act, offerUndo } = useCaseListStore();
  const [amending, setAmending] = useState(false);
  const [confirmPostpone, setConfirmPostpone] = useState(false);
  const m = view.meeting;
  const running = m.status === 'planned' && Boolean(m.lockedAt);
  const closeCase = useCaseTimes(m.id, item.referralId, running && item.outcome === 'pending');
  const postpone = () =>
    act(
      m.id,
      () => api.call('recommendations.postpone', { meetingId: m.id, referralId: item.referralId }),
      (r) => (r.nextMeeting ? t('meeting.postponedTo', { date: r.nextMeeting.localDate }) : t('meeting.postponedNoNext')),
    ).then((ok) => {
      closeCase();
      const name = `${item.givenName} ${item.familyName}`;
      if (ok) {
        offerUndo({
          name: t('meeting.undoPostpone', { name }),
          run: () => api.call('recommendations.undoPostpone', { meetingId: m.id, referralId: item.referralId }),
          done: t('meeting.postponeUndone', { name }),
        });
      }
    });
  return (
    <article className="case-stage" aria-label={t('meeting.caseOf', { n: n + 1, total })}>
      <div className="stage-top">
        <span className="stage-count">
          {t('meeting.caseOf', { n: n + 1, total })} · {stockholmClock(item.plannedStart)}
        </span>
        <span>
          <button type="button" onClick={() => onGo(n - 1)} disabled={n === 0}>
            {t('meeting.previous')}
          </button>{' '}
          <button type="button" onClick={() => onGo(n + 1)} disabled={n === total - 1}>
            {t('meeting.next')}
          </button>
        </span>
      </div>
      <h2 className="stage-name">
        {item.familyName}, {item.givenName} <span className="muted">{formatIdentifier(item.identifier)}</span>
        {item.priority === 'urgent' && <span className="tag tag-urgent">{t('caseList.urgent')}</span>}
        {item.rediscussion && <span className="tag">{t('caseList.rediscussion')}</span>}
      </h2>
      <p className="stage-question">{item.question}</p>
      <dl className="facts stage-facts">
        <dt>{t('caseList.referrer')}</dt>
        <dd>{item.referringUnitName}</dd>
        <dt>{t('meeting.facts')}</dt>
        <dd>{[item.icd10 && `ICD-10 ${item.icd10}`, item.ecog !== null && `ECOG ${item.ecog}`].filter(Boolean).join(' · ') || '–'}</dd>
        <dt>{t('caseList.received')}</dt>
        <dd>{item.receivedDate}</dd>
        {item.suspicionDate && (
          <>
            <dt>{t('meeting.suspicion')}</dt>
            <dd>{item.suspicionDate}</dd>
          </>
        )}
        <dt>{t('caseList.leadTime')}</dt>
        <dd>{item.daysLeft >= 0 ? t('caseList.daysLeft', { days: item.daysLeft }) : t('caseList.daysOver', { days: -item.daysLeft })}</dd>
        {item.history && (
          <>
            <dt>{t('meeting.history')}</dt>
            <dd>{item.history}</dd>
          </>
        )}
      </dl>
      <PersonFacts item={item} />
      <details className="stage-checklist" open={item.outcome !== 'pending'}>
        <summary>{t('checklist.title')}</summary>
        <ChecklistPanel item={item} />
      </details>
      <section className="stage-outcome" aria-label={t('recommendation.title')}>
        <h3>{t('recommendation.title')}</h3>
        {item.outcome === 'postponed' && <p className="banner banner-warn">{t('meeting.outcome.postponed')}</p>}
        {confirmPostpone && (
          <ConfirmDialog
            title={t('meeting.postponeConfirm.title')}
            onCancel={() => setConfirmPostpone(false)}
            actions={[
              {
                label: t('meeting.postpone'),
                primary: true,
                onConfirm: () => {
                  setConfirmPostpone(false);
                  void postpone();
                },
              },
            ]}
          >
            <p>{t('meeting.postponeConfirm.body', { name: `${item.givenName} ${item.familyName}` })}</p>
          </ConfirmDialog>
        )}
        {running && item.outcome !== 'postponed' && (
          <>
            <RecommendationForm meetingId={m.id} item={item} treatmentOptions={m.treatmentOptions} mode="record" onDone={closeCase} />
            {item.outcome === 'pending' && (
              <button type="button" className="postpone" onClick={() => setConfirmPostpone(true)}>
                {t('meeting.postpone')}
              </button>
            )}
          </>
        )}
        {m.status === 'finalised' && item.outcome === 'discussed' && (
          <>
            {amending ? (
              <RecommendationForm meetingId={m.id} item={item} treatmentOptions={m.treatmentOptions} mode="amend" onDone={() => setAmending(false)} />
            ) : (
              <>
                <RecommendationView versions={item.recommendations} />
                <RoleLimited method="recommendations.amend" label={t('recommendation.amend')}>
                  <button type="button" onClick={() => setAmending(true)}>
                    {t('recommendation.amend')}
                  </button>
                </RoleLimited>{' '}
                <button
                  type="button"
                  onClick={() => act(m.id, async () => downloadFile(await api.call('caseLists.replyPdf', { meetingId: m.id, referralId: item.referralId })))}
                >
                  {t('reply.download')}
                </button>
              </>
            )}
          </>
        )}
      </section>
    </article>
  );
}
