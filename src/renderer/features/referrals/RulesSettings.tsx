import { useState } from 'react';
import { REQUIRABLE_FIELDS, type RequirableField } from '../../../shared/domain/completeness';
import { useAppStore } from '../../app/store';
import { api } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';

/** Settings tab "Anmälningsregler": per care area, the required fields and the lead-time target. */
export function RulesSettings() {
  const t = useT();
  const reference = useAppStore((s) => s.reference)!;
  const info = useAppStore((s) => s.info)!;
  const lang = useAppStore((s) => s.lang);
  const [code, setCode] = useState(info.workplace?.careAreaCodes[0] ?? reference.careAreas[0]?.code ?? '');
  const area = reference.careAreas.find((a) => a.code === code);
  return (
    <div className="settings-section rules">
      <p className="muted">{t('rules.intro')}</p>
      <Field label={t('referralForm.careArea')}>
        <select value={code} onChange={(e) => setCode(e.target.value)}>
          {reference.careAreas.map((a) => (
            <option key={a.code} value={a.code}>
              {lang === 'sv' ? a.nameSv : a.nameEn}
            </option>
          ))}
        </select>
      </Field>
      {area && (
        <RulesForm
          key={area.code}
          code={area.code}
          name={lang === 'sv' ? area.nameSv : area.nameEn}
          target={area.leadTimeTargetDays}
          required={area.requiredFields}
        />
      )}
    </div>
  );
}

function RulesForm({ code, name, target, required }: { code: string; name: string; target: number; required: string[] }) {
  const t = useT();
  const refresh = useAppStore((s) => s.refresh);
  const [days, setDays] = useState(String(target));
  const [fields, setFields] = useState<string[]>(required);
  const [saved, setSaved] = useState(false);
  const {
    submit: save,
    error,
    busy,
  } = useSubmit(
    async () => {
      setSaved(false);
      await api.call('referralRules.save', { careAreaCode: code, leadTimeTargetDays: Number(days), requiredFields: fields as RequirableField[] });
      await refresh();
    },
    () => setSaved(true),
  );
  const fe = useFieldErrors(error);

  return (
    <form className="card" onSubmit={save}>
      <ErrorBanner error={error} />
      <Field label={t('rules.target')} error={fe('leadTimeTargetDays')}>
        <input type="number" min={1} max={365} value={days} onChange={(e) => setDays(e.target.value)} />
      </Field>
      <fieldset className="checks">
        <legend>{t('rules.required')}</legend>
        {REQUIRABLE_FIELDS.map((f) => (
          <label key={f} className="check">
            <input
              type="checkbox"
              checked={fields.includes(f)}
              onChange={(e) => setFields(e.target.checked ? [...fields, f] : fields.filter((x) => x !== f))}
            />
            {t(`referral.field.${f}`)}
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('common.save')}
        </button>
      </div>
      {saved && (
        <p className="banner banner-ok" role="status">
          {t('rules.saved', { area: name })}
        </p>
      )}
    </form>
  );
}
