import { useCan } from '../security/useCan';
import { RoleLimited, RoleLimitNote } from '../security/RoleLimited';
import { useState } from 'react';
import type { ReferralDetail } from '../../../shared/api/methods/referrals';
import { isOpenStatus } from '../../../shared/domain/referral-status';
import { useAppStore } from '../../app/store';
import { api } from '../../lib/api';
import { useApiData } from '../../lib/useApiData';
import { downloadFile } from '../../lib/files';
import { useT } from '../../i18n/useT';
import { Page } from '../../ui/Page';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { StatusActions } from './StatusActions';
import { CompletionRequest } from './CompletionRequest';
import { ReferralFacts } from './ReferralFacts';
import { ReferralChecklists } from '../checklist/ReferralChecklists';
import { careAreaName, formatInstant } from './labels';

/** One referral: who, what is missing, lead time, status actions, completion request and timeline. */
export function ReferralDetailPage({ id, render }: { id: number; render?(detail: ReferralDetail): React.ReactNode }) {
  const t = useT();
  const canChange = useCan('referrals.update'); // edit, complete, withdraw: not physicians
  const lang = useAppStore((s) => s.lang);
  const reference = useAppStore((s) => s.reference)!;
  const { data: detail, error: loadError, reload: load } = useApiData(() => api.call('referrals.get', { id }), [id]);
  const [actionError, setError] = useState<unknown>(null);
  const error = actionError ?? loadError;
  const [requestText, setRequestText] = useState<string | null>(null);

  if (error) return <ErrorBanner error={error} />;
  if (!detail) return <p aria-busy="true">{t('common.loading')}</p>;
  if (render) return <>{render(detail)}</>;

  const p = detail.patient;
  const ident = p.identifiers[0];
  const lt = detail.leadTime;
  return (
    <Page
      title={`${p.familyName}, ${p.givenName}`}
      actions={
        <>
          {isOpenStatus(detail.status) && (
            <RoleLimited method="referrals.update" label={t('common.edit')}>
              <a className="button" href={`#/referrals/${detail.id}/edit`}>
                {t('common.edit')}
              </a>
            </RoleLimited>
          )}
          {detail.hasOriginalForm && <OpenOriginalForm referralId={detail.id} />}
          <a className="button" href="#/referrals">
            {t('referral.back')}
          </a>
        </>
      }
    >
      <section className="card summary">
        <p>
          {ident && `${t(`identifierSystem.${ident.system}`)} ${ident.display}`}
          {p.birthDate && ` · ${p.birthDate}`}
          {p.sex && ` · ${t(`sex.${p.sex}`)}`}
          {p.age !== null && ` · ${t('referral.age', { age: p.age })}`}
        </p>
        <p>
          <strong>{careAreaName(reference, detail.careAreaCode, lang)}</strong> ·{' '}
          <span className={`status status-${detail.status}`} data-testid="referral-status">
            {t(`referral.status.${detail.status}`)}
          </span>
          {detail.priority === 'urgent' && <span className="tag tag-urgent">{t('priority.urgent')}</span>}
        </p>
        <p className={lt.overTarget ? 'lead-over' : ''}>
          {t('referral.leadTime')}: {t('referral.sinceReceived', { days: lt.sinceReceived })}
          {lt.sinceSuspicion !== null && `, ${t('referral.sinceSuspicion', { days: lt.sinceSuspicion })}`} ({t('referral.target', { days: lt.targetDays })}
          {lt.overTarget && `, ${t('referrals.overTarget', { target: lt.targetDays })}`})
        </p>
        {detail.withdrawnReason && <p>{t('referral.withdrawnReason', { reason: detail.withdrawnReason })}</p>}
        {detail.otherOpen.map((o) => (
          <p key={o.id} className="banner banner-warn">
            <a href={`#/referrals/${o.id}`}>{t('referral.otherOpen', { date: o.receivedDate })}</a>
          </p>
        ))}
      </section>

      <section className="card" aria-label={t('referral.missing')}>
        <h2>{t('referral.missing')}</h2>
        {detail.missing.length ? (
          <ul className="plain-list missing-list">
            {detail.missing.map((m) => (
              <li key={m}>{t(`referral.field.${m}`)}</li>
            ))}
          </ul>
        ) : (
          <p>{t('referral.allPresent')}</p>
        )}
        {detail.completionRequestedAt && (
          <p className="muted">
            {t('referral.requestedAt', {
              date: formatInstant(detail.completionRequestedAt),
              fields: detail.completionMissing.map((m) => t(`referral.field.${m}`)).join(', '),
            })}
          </p>
        )}
        {!canChange && isOpenStatus(detail.status) && <RoleLimitNote method="referrals.update" />}
        {canChange && isOpenStatus(detail.status) && (
          <StatusActions
            referral={detail}
            onChanged={load}
            onRequestText={(text) => {
              setRequestText(text);
              load();
            }}
          />
        )}
        {canChange && detail.status === 'awaiting_completion' && !requestText && (
          <button type="button" className="link" onClick={() => api.call('referrals.completionText', { id }).then((r) => setRequestText(r.text), setError)}>
            {t('referral.showRequest')}
          </button>
        )}
      </section>

      {requestText && <CompletionRequest text={requestText} />}

      <ReferralFacts detail={detail} />

      <ReferralChecklists referralId={detail.id} checklists={detail.checklists} onChanged={load} />

      <section className="card">
        <h2>{t('referral.timeline')}</h2>
        <table className="table">
          <thead>
            <tr>
              <th>{t('referral.timeline.at')}</th>
              <th>{t('referral.timeline.change')}</th>
              <th>{t('referral.timeline.user')}</th>
              <th>{t('referral.timeline.note')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.timeline.map((e, i) => (
              <tr key={i}>
                <td className="nowrap">{formatInstant(e.at)}</td>
                <td>
                  {e.fromStatus ? `${t(`referral.status.${e.fromStatus}`)} → ` : ''}
                  {t(`referral.status.${e.toStatus}`)}
                </td>
                <td>{e.userName}</td>
                <td>{e.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Page>
  );
}

/** Opens the filled registration form the referral was read in from (a download; the browser or Electron shows it). */
function OpenOriginalForm({ referralId }: { referralId: number }) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  async function open() {
    try {
      const file = await api.call('referralForms.original', { referralId });
      if (file) downloadFile(file);
    } catch (e) {
      setError(e);
    }
  }
  return (
    <>
      <button type="button" onClick={() => void open()}>
        {t('forms.original.open')}
      </button>
      {error ? <ErrorBanner error={error} /> : null}
    </>
  );
}
