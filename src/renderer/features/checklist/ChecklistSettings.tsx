import { useEffect, useState } from 'react';
import { CHECKLIST_ITEMS, ITEM_PHASE, type ChecklistItem } from '../../../shared/domain/checklist';
import { CareAreaSelect, useActiveCareAreas } from '../settings/CareAreaSelect';
import { api } from '../../lib/api';
import { useApiData } from '../../lib/useApiData';
import { useSubmit } from '../../lib/useSubmit';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import './checklist.css';

const DAYS = ['beforeWorkingDays', 'replyWorkingDays', 'patientToldWorkingDays'] as const;

/** Settings → nMDK checklist: per care area, the items that apply and the deadlines in working days. */
export function ChecklistSettings() {
  const t = useT();
  const { first } = useActiveCareAreas();
  const [area, setArea] = useState(first);
  const [items, setItems] = useState<ChecklistItem[]>([]);
  const [days, setDays] = useState<Record<(typeof DAYS)[number], string>>({ beforeWorkingDays: '', replyWorkingDays: '', patientToldWorkingDays: '' });
  const [saved, setSaved] = useState(false);
  const { data: all, error: loadError, setData: setAll } = useApiData(async () => (await api.call('checklist.rules', {})).careAreas, []);
  useEffect(() => {
    const r = all?.[area];
    if (!r) return;
    setItems(r.items);
    setDays({
      beforeWorkingDays: String(r.beforeWorkingDays),
      replyWorkingDays: String(r.replyWorkingDays),
      patientToldWorkingDays: String(r.patientToldWorkingDays),
    });
  }, [all, area]);
  const { submit, error, busy } = useSubmit(
    async () => {
      setSaved(false);
      const rules = await api.call('checklist.saveRules', {
        careAreaCode: area,
        items,
        beforeWorkingDays: Number(days.beforeWorkingDays),
        replyWorkingDays: Number(days.replyWorkingDays),
        patientToldWorkingDays: Number(days.patientToldWorkingDays),
      });
      setAll({ ...all, [area]: rules });
    },
    () => setSaved(true),
  );
  const fe = useFieldErrors(error);
  return (
    <form className="settings-section" onSubmit={submit} aria-label={t('checklist.settings')}>
      <p>{t('checklist.settingsIntro')}</p>
      <ErrorBanner error={error ?? loadError} />
      <CareAreaSelect value={area} onChange={setArea} />
      <fieldset>
        <legend>{t('checklist.items')}</legend>
        {CHECKLIST_ITEMS.map((item) => (
          <label key={item} className="checkbox-row">
            <input
              type="checkbox"
              checked={items.includes(item)}
              onChange={(e) => setItems(e.target.checked ? [...items, item] : items.filter((i) => i !== item))}
            />{' '}
            {t(`checklist.phase.${ITEM_PHASE[item]}`)}: {t(`checklist.item.${item}`)}
          </label>
        ))}
      </fieldset>
      {DAYS.map((k) => (
        <Field key={k} label={t(`checklist.${k}`)} error={fe(k)}>
          <input type="number" min={0} max={60} value={days[k]} onChange={(e) => setDays({ ...days, [k]: e.target.value })} />
        </Field>
      ))}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !area}>
          {t('common.save')}
        </button>
      </div>
      {saved && !error && <p className="banner banner-ok">{t('common.saved')}</p>}
    </form>
  );
}
