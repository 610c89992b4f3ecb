import { useEffect, useState } from 'react';
import { CareAreaSelect, useActiveCareAreas } from '../settings/CareAreaSelect';
import { api } from '../../lib/api';
import { useApiData } from '../../lib/useApiData';
import { useSubmit } from '../../lib/useSubmit';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';

const TARGETS = ['implementationRate', 'wishesRecorded', 'trialConsidered', 'postponementRate', 'checklistComplete'] as const;
type Target = (typeof TARGETS)[number];

/** Settings → follow-up after the MDK: the worklist's days after the reply, and targets per care area (in percent). */
export function FollowThroughSettings() {
  const t = useT();
  const { first } = useActiveCareAreas();
  const [days, setDays] = useState('');
  const [area, setArea] = useState(first);
  const [all, setAll] = useState<Record<string, Record<Target, number | null>>>({});
  const [targets, setTargets] = useState<Record<Target, string>>(() => Object.fromEntries(TARGETS.map((k) => [k, ''])) as Record<Target, string>);
  const [saved, setSaved] = useState(false);
  const settings = useApiData(() => api.call('followThrough.settings', {}), []);
  useEffect(() => {
    const s = settings.data;
    if (!s) return;
    setDays(String(s.noStatusAfterDays));
    setAll(s.targets);
  }, [settings.data]);
  useEffect(() => {
    const g = all[area];
    const pct = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(Math.round(v * 1000) / 10));
    setTargets(Object.fromEntries(TARGETS.map((k) => [k, pct(g?.[k])])) as Record<Target, string>);
  }, [all, area]);
  const { submit, error, busy } = useSubmit(
    async () => {
      await api.call('followThrough.saveSettings', { noStatusAfterDays: Number(days) });
      const share = (v: string) => (v.trim() === '' ? null : Number(v) / 100);
      const saved = await api.call('followThrough.saveTargets', {
        careAreaCode: area,
        implementationRate: share(targets.implementationRate),
        wishesRecorded: share(targets.wishesRecorded),
        trialConsidered: share(targets.trialConsidered),
        postponementRate: share(targets.postponementRate),
        checklistComplete: share(targets.checklistComplete),
      });
      setAll({ ...all, [area]: saved });
    },
    () => setSaved(true),
  );
  const fe = useFieldErrors(error);
  return (
    <form className="settings-section" onSubmit={submit} aria-label={t('followThrough.settings')}>
      <ErrorBanner error={error ?? settings.error} />
      <Field label={t('followThrough.noStatusAfterDays')} error={fe('noStatusAfterDays')}>
        <input type="number" min={1} max={365} value={days} onChange={(e) => setDays(e.target.value)} />
      </Field>
      <CareAreaSelect value={area} onChange={setArea} />
      {TARGETS.map((k) => (
        <Field key={k} label={`${t('followThrough.fig.target')}: ${t(`followThrough.fig.${k}`)} (%)`} error={fe(k)}>
          <input type="number" min={0} max={100} step="any" value={targets[k]} onChange={(e) => setTargets({ ...targets, [k]: e.target.value })} />
        </Field>
      ))}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('followThrough.saveSettings')}
        </button>
      </div>
      {saved && !error && <p className="banner banner-ok">{t('common.saved')}</p>}
    </form>
  );
}
