import { useEffect, useState } from 'react';
import type { CarePlanDetail, CarePlanInput } from '../../../shared/api/methods/care-plans';
import { navigate } from '../../app/router';
import { api } from '../../lib/api';
import { useApiData } from '../../lib/useApiData';
import { useT } from '../../i18n/useT';
import { planToInput, type SetCarePlanField } from './carePlanDraft';

/**
 * One care-plan version being edited: the plan as loaded or last saved, the user's draft of it, and
 * saving, finalising (which saves first), taking in a newer version after a conflict and starting a
 * new version. `error` is the load's or the last action's refusal, for ErrorBanner and the fields.
 */
export function useCarePlanEditing(id: number) {
  const t = useT();
  const loaded = useApiData(() => api.call('carePlans.get', { id }), [id]);
  const plan = loaded.data;
  // The user's changes, for the version they were made on; until then the draft is the plan itself.
  const [edited, setEdited] = useState<{ planId: number; input: CarePlanInput } | null>(null);
  const draft = plan ? (edited?.planId === plan.id ? edited.input : planToInput(plan)) : null;
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reloaded, setReloaded] = useState(false);
  const error = actionError ?? loaded.error;
  useFocusFirstError(error);

  const set: SetCarePlanField = (key, value) => plan && draft && setEdited({ planId: plan.id, input: { ...draft, [key]: value } });

  /** A version the core answered with becomes the plan and the draft. */
  const show = (p: CarePlanDetail, message: string | null) => {
    loaded.setData(p);
    setEdited(null);
    setActionError(null);
    setNotice(message);
  };

  async function save(): Promise<boolean> {
    try {
      // Based on the version this editor loaded: someone else's save since then is a conflict, not overwritten.
      show(await api.call('carePlans.save', { ...draft!, expectedVersion: plan!.rowVersion }), t('common.saved'));
      setReloaded(false);
      return true;
    } catch (err) {
      setActionError(err);
      setNotice(null);
      return false;
    }
  }

  /** After a conflict: the newer version becomes the save's base; the editor keeps the user's text. */
  async function reloadLatest() {
    try {
      const latest = await api.call('carePlans.get', { id });
      if (plan && draft) setEdited({ planId: latest.id, input: draft });
      loaded.setData(latest);
      setActionError(null);
      setReloaded(true);
    } catch (err) {
      setActionError(err);
    }
  }

  async function finalise() {
    if (!(await save())) return;
    try {
      show(await api.call('carePlans.finalise', { id }), t('carePlan.finalised'));
    } catch (err) {
      setActionError(err);
      setNotice(null);
    }
  }

  async function newVersion() {
    try {
      const { id: newId } = await api.call('carePlans.newVersion', { id });
      navigate(`/care-plans/${newId}`);
    } catch (err) {
      setActionError(err);
    }
  }

  return { plan, draft, set, error, notice, reloaded, save, reloadLatest, finalise, newVersion, show };
}

/**
 * A refused save or finalise moves focus to the first field with an error (it may be far down the
 * page); without field issues the summary banner is brought into view.
 */
function useFocusFirstError(error: unknown) {
  useEffect(() => {
    if (!error) return;
    const field = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (field) field.focus();
    else document.querySelector('.banner-error')?.scrollIntoView({ block: 'center' });
  }, [error]);
}
