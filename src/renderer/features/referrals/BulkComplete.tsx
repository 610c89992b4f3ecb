import { useId, useState } from 'react';
import type { MarkCompleteManyResult } from '../../../shared/api/methods/referrals';
import { api } from '../../lib/api';
import { useSubmit } from '../../lib/useSubmit';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';

/**
 * "Markera som kompletta" for the referrals selected in the inbox: one call, one transaction. The result
 * says how many became complete and lists the others with what they lack (announced to screen readers).
 */
export function BulkComplete({ selected, onDone }: { selected: number[]; onDone(): void }) {
  const t = useT();
  const hintId = useId();
  const [result, setResult] = useState<MarkCompleteManyResult | null>(null);
  const { submit, error, busy } = useSubmit(
    () => api.call('referrals.markCompleteMany', { ids: selected }),
    (r) => {
      setResult(r);
      onDone();
    },
  );
  const fields = (missing: string[]) => missing.map((m) => t(`referral.field.${m}`)).join(', ');
  return (
    <div className="bulk-complete">
      <button
        type="button"
        className="primary"
        aria-describedby={hintId}
        title={t('bulk.hint')}
        disabled={busy || selected.length === 0}
        onClick={() => void submit()}
      >
        {t('bulk.markComplete', { count: selected.length })}
      </button>
      <span id={hintId} className="visually-hidden">
        {t('bulk.hint')}
      </span>
      <ErrorBanner error={error} />
      <div role="status" aria-live="polite">
        {result && (
          <div className={`banner ${result.notCompleted.length ? 'banner-warn' : 'banner-ok'}`}>
            {result.completed.length > 0 && <p>{t('bulk.done', { count: result.completed.length })}</p>}
            {result.notCompleted.length > 0 && (
              <>
                <p>{t('bulk.notDone', { count: result.notCompleted.length })}</p>
                <ul className="issue-list">
                  {result.notCompleted.map((r) => (
                    <li key={r.id}>
                      <a href={`#/referrals/${r.id}`}>
                        {r.missing.length
                          ? t('bulk.lacks', { name: r.patientName, fields: fields(r.missing) })
                          : t('bulk.pastStep', { name: r.patientName, status: t(`referral.status.${r.status}`).toLowerCase() })}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
