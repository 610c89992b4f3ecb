import { useState } from 'react';
import type { CaseListItem } from '../../../shared/api/methods/case-lists';
import { CHECKLIST_PHASES, isTicked, openBefore, type ChecklistEntry, type ChecklistPhase } from '../../../shared/domain/checklist';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { useCan } from '../security/useCan';
import { Field, useFieldErrors } from '../../ui/Field';
import { DateInput } from '../../ui/DateTimeInputs';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { useCaseListStore } from '../case-lists/store';
import { stockholmDateTime } from '../case-lists/format';
import './checklist.css';

type T = ReturnType<typeof useT>;

/** Why an item is not done, in words: the missing referral fields or roles. */
function detailOf(e: ChecklistEntry, t: T): string | null {
  if (!e.detail.length) return null;
  const names = e.item === 'referral_complete' ? e.detail.map((f) => t(`referral.field.${f}`)) : e.detail.map((r) => t(`participantRole.${r}`));
  return t(e.item === 'referral_complete' ? 'checklist.missingFields' : 'checklist.missingRoles', { list: names.join(', ') });
}

/** How a done item was fulfilled: the referral said so, who told the patient, or who ticked it. */
function howDone(e: ChecklistEntry, t: T): string | null {
  if (e.tick?.doneBy && e.tick.doneOn) return t('checklist.told', { by: e.tick.doneBy, date: e.tick.doneOn });
  if (e.tick) return t('checklist.tickedBy', { by: e.tick.recordedBy, at: stockholmDateTime(e.tick.recordedAt) });
  if (e.byReferral) return t('checklist.byReferral');
  return null;
}

/** A case's checklist at a meeting, and what follows a saved tick (the page reads the checklist again). */
export interface ChecklistSubject {
  meetingId: number;
  referralId: number;
  /** Names the checklist for screen readers: whose it is, or at which meeting. */
  label: string;
  entries: ChecklistEntry[];
  onTicked(): Promise<unknown> | void;
}

/**
 * A case's nMDK checklist at a meeting, by phase (before, during, after). Items a user keeps are ticked
 * here; "patient told" asks who told the patient and when. `phases` limits what is shown.
 */
export function Checklist({ of, phases = CHECKLIST_PHASES }: { of: ChecklistSubject; phases?: readonly ChecklistPhase[] }) {
  const t = useT();
  const canTick = useCan('checklist.tick');
  const [error, setError] = useState<unknown>(null);
  const [told, setTold] = useState({ doneBy: '', doneOn: '' });
  const fe = useFieldErrors(error);
  const tick = async (e: ChecklistEntry, done: boolean, extra: { doneBy?: string; doneOn?: string } = {}) => {
    setError(null);
    const which = e.item;
    if (!isTicked(which)) return;
    try {
      await api.call('checklist.tick', {
        meetingId: of.meetingId,
        referralId: of.referralId,
        item: which,
        done,
        doneBy: extra.doneBy || null,
        doneOn: extra.doneOn || null,
      });
      await of.onTicked();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section className="checklist" aria-label={of.label}>
      <ErrorBanner error={error} />
      {phases.map((phase) => {
        const entries = of.entries.filter((e) => e.phase === phase);
        if (!entries.length) return null;
        return (
          <div key={phase}>
            <h4>{t(`checklist.phase.${phase}`)}</h4>
            <ul>
              {entries.map((e) => {
                const name = t(`checklist.item.${e.item}`);
                const tickable = canTick && isTicked(e.item) && e.item !== 'patient_told' && !e.byReferral;
                const detail = detailOf(e, t);
                const how = howDone(e, t);
                return (
                  <li key={e.item}>
                    {tickable ? (
                      <label>
                        <input type="checkbox" checked={e.tick !== null} onChange={(ev) => void tick(e, ev.target.checked)} /> {name}
                      </label>
                    ) : (
                      <span>{name}</span>
                    )}
                    <span className={`cl-state cl-${e.state}`}>{t(`checklist.state.${e.state}`)}</span>
                    {e.due && e.state !== 'done' && <span className="cl-detail">{t('checklist.due', { date: e.due })}</span>}
                    {detail && e.state !== 'done' && <span className="cl-detail">{detail}</span>}
                    {how && <span className="cl-detail">{how}</span>}
                    {e.item === 'patient_told' && canTick && e.tick && (
                      <button type="button" onClick={() => void tick(e, false)}>
                        {t('checklist.clear')}
                      </button>
                    )}
                    {e.item === 'patient_told' && canTick && !e.tick && e.state !== 'not_yet' && (
                      <form
                        className="told-form"
                        onSubmit={(ev) => {
                          ev.preventDefault();
                          void tick(e, true, told);
                        }}
                      >
                        <Field label={t('checklist.toldBy')} error={fe('doneBy')}>
                          <input value={told.doneBy} onChange={(ev) => setTold({ ...told, doneBy: ev.target.value })} />
                        </Field>
                        <Field label={t('checklist.toldOn')} error={fe('doneOn')}>
                          <DateInput value={told.doneOn} onValue={(v) => setTold({ ...told, doneOn: v })} />
                        </Field>
                        <button type="submit">{t('checklist.saveTold')}</button>
                      </form>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

/** A case's checklist on the case list or in the meeting view: a tick reloads the case list. */
export function ChecklistPanel({ item, phases }: { item: CaseListItem; phases?: readonly ChecklistPhase[] }) {
  const t = useT();
  const { act } = useCaseListStore();
  const meetingId = useCaseListStore((s) => s.view?.meeting.id ?? 0);
  const of: ChecklistSubject = {
    meetingId,
    referralId: item.referralId,
    label: `${t('checklist.title')}: ${item.familyName}, ${item.givenName}`,
    entries: item.checklist,
    onTicked: () => act(meetingId, async () => undefined),
  };
  return <Checklist of={of} phases={phases} />;
}

/** On the agenda: a mark when the case's "before" items are open, and its checklist to open and tick. */
export function CaseChecklist({ item }: { item: CaseListItem }) {
  const t = useT();
  const open = openBefore(item.checklist).length;
  if (!item.checklist.length) return null;
  return (
    <details className="checklist-details">
      <summary>
        {t('checklist.title')}
        {open > 0 && <span className="tag tag-checklist">{t('checklist.beforeOpen', { count: open })}</span>}
      </summary>
      <ChecklistPanel item={item} />
    </details>
  );
}
