import { useState } from 'react';
import { formatIdentifier } from '../../../shared/domain/agenda';
import { api } from '../../lib/api';
import { useApiData } from '../../lib/useApiData';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Page } from '../../ui/Page';
import { StatusForm } from './StatusForm';

/**
 * #/follow-through: the worklist of finalised recommendations whose implementation is not known N days
 * after the reply, or whose next check is due; each row records the next status in place.
 */
export function FollowThroughPage() {
  const t = useT();
  const { data: list, error, reload: load } = useApiData(() => api.call('followThrough.worklist', {}), []);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Page title={t('followThrough.title')}>
      <ErrorBanner error={error} />
      {notice && (
        <p className="banner banner-ok" role="status">
          {notice}
        </p>
      )}
      {list && (
        <>
          <p className="muted">{t('followThrough.intro', { days: list.settings.noStatusAfterDays })}</p>
          {list.rows.length === 0 ? (
            <p>{t('followThrough.empty')}</p>
          ) : (
            <table className="table" aria-label={t('followThrough.title')}>
              <thead>
                <tr>
                  <th scope="col">{t('followThrough.col.patient')}</th>
                  <th scope="col">{t('followThrough.col.meeting')}</th>
                  <th scope="col">{t('followThrough.col.recommendation')}</th>
                  <th scope="col">{t('followThrough.col.status')}</th>
                  <th scope="col">{t('followThrough.col.why')}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {list.rows.map((r) => {
                  const key = `${r.meetingId}-${r.referralId}`;
                  return (
                    <tr key={key}>
                      <td>
                        {r.patientName} <span className="muted">{formatIdentifier(r.identifier)}</span>
                      </td>
                      <td>
                        {r.careAreaCode} {r.meetingDate}
                      </td>
                      <td>{r.recommendation}</td>
                      <td>{r.status ? t(`followThrough.status.${r.status}`) : t('followThrough.noStatus')}</td>
                      <td>
                        {r.why === 'no_status'
                          ? t('followThrough.why.no_status', { days: r.daysSinceReply })
                          : t('followThrough.why.due', { date: r.nextCheckDate ?? '' })}
                      </td>
                      <td>
                        {open === key ? (
                          <StatusForm
                            meetingId={r.meetingId}
                            referralId={r.referralId}
                            today={list.today}
                            onSaved={(message) => {
                              setOpen(null);
                              setNotice(message);
                              void load();
                            }}
                          />
                        ) : (
                          <button type="button" aria-label={`${t('followThrough.record')}: ${r.patientName}`} onClick={() => setOpen(key)}>
                            {t('followThrough.record')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </Page>
  );
}

export function FollowThroughView() {
  return <FollowThroughPage />;
}
