import { useState } from 'react';
import { api } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { CareAreaSelect } from '../settings/CareAreaSelect';

/** Settings tab "Behandlingsalternativ": the treatments a recommendation picks from, per care area. */
export function TreatmentOptionsSettings() {
  const t = useT();
  const reference = useAppStore((s) => s.reference)!;
  const refresh = useAppStore((s) => s.refresh);
  const workplaceAreas = useAppStore((s) => s.info?.workplace?.careAreaCodes ?? []);
  const areas = reference.careAreas.filter((a) => workplaceAreas.length === 0 || workplaceAreas.includes(a.code));
  const [code, setCode] = useState(areas[0]?.code ?? '');
  const area = reference.careAreas.find((a) => a.code === code);
  const [text, setText] = useState(area?.treatmentOptions.join('\n') ?? '');
  const [saved, setSaved] = useState(false);
  const { submit: save, error } = useSubmit(
    async () => {
      setSaved(false);
      const options = text
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
      await api.call('caseLists.saveTreatmentOptions', { careAreaCode: code, options });
      await refresh();
    },
    () => setSaved(true),
  );
  const fe = useFieldErrors(error);
  return (
    <form className="settings-section card" onSubmit={save}>
      <p className="muted">{t('treatments.intro')}</p>
      <ErrorBanner error={error} />
      <CareAreaSelect
        value={code}
        areas={areas}
        error={fe('careAreaCode')}
        onChange={(next) => {
          setCode(next);
          setText(reference.careAreas.find((a) => a.code === next)?.treatmentOptions.join('\n') ?? '');
          setSaved(false);
        }}
      />
      <Field label={t('treatments.options')} error={fe('options')}>
        <textarea rows={8} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      {area?.treatmentOptionsSource && <p className="muted">{t('treatments.source', { source: area.treatmentOptionsSource })}</p>}
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
      </div>
      {saved && <p className="banner banner-ok">{t('common.saved')}</p>}
    </form>
  );
}
