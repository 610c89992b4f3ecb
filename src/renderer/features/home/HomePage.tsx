import { useAppStore } from '../../app/store';
import { api } from '../../lib/api';
import { useApiData } from '../../lib/useApiData';
import { useT } from '../../i18n/useT';
import { Page } from '../../ui/Page';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { careAreaName, formatInstant } from '../referrals/labels';
import { useSuggestion } from '../security/useCan';

const OPEN_STATUSES = ['received', 'awaiting_completion', 'complete', 'listed', 'discussed'] as const;
const COMING_MEETINGS = 6;

/** Start page: what needs doing now — the inbox by status, the coming MDKs, pending handovers. */
export function HomePage() {
  const t = useT();
  const noMeetings = useSuggestion('series.save', t('overview.noMeetings'), t('overview.noMeetingsYet'));
  const info = useAppStore((s) => s.info)!;
  const reference = useAppStore((s) => s.reference)!;
  const lang = useAppStore((s) => s.lang);
  const overview = useApiData(async () => {
    const [counts, all] = await Promise.all([api.call('overview.counts', {}), api.call('caseLists.meetings', {})]);
    return { counts, meetings: all.filter((x) => x.status === 'planned').slice(0, COMING_MEETINGS) };
  }, []);
  const counts = overview.data?.counts ?? null;
  const meetings = overview.data?.meetings ?? [];
  const error = overview.error;
  const unit = reference.units.find((u) => u.id === info.workplace?.unitId);
  const areas = reference.careAreas.filter((a) => info.workplace?.careAreaCodes.includes(a.code));

  return (
    <Page title={unit?.name ?? t('app.name')}>
      <ErrorBanner error={error} />
      <div className="overview-grid">
        <section className="card" aria-labelledby="ov-referrals">
          <h2 id="ov-referrals">{t('overview.referrals')}</h2>
          <ul className="overview-counts">
            {OPEN_STATUSES.map((s) => (
              <li key={s}>
                <a href="#/referrals">{t(`referral.status.${s}`)}</a>
                <strong>{counts?.referralsByStatus[s] ?? 0}</strong>
              </li>
            ))}
            <li className={counts?.overTarget ? 'overview-alert' : undefined}>
              <a href="#/referrals">{t('overview.overTarget')}</a>
              <strong>{counts?.overTarget ?? 0}</strong>
            </li>
          </ul>
        </section>
        <section className="card" aria-labelledby="ov-meetings">
          <h2 id="ov-meetings">{t('overview.comingMeetings')}</h2>
          {meetings.length === 0 ? (
            <p className="muted">{noMeetings}</p>
          ) : (
            <ul className="overview-meetings">
              {meetings.map((m) => (
                <li key={m.id}>
                  <a href={`#/case-lists/${m.id}`}>{formatInstant(m.startsAt)}</a> {careAreaName(reference, m.careAreaCode, lang)}
                  <span className="muted">
                    {' · '}
                    {t('overview.cases', { count: m.caseCount, capacity: m.capacityCases ?? '–' })}
                    {m.lockedAt ? ` · ${t('overview.locked')}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="ov-care-plans">
          <h2 id="ov-care-plans">{t('overview.carePlans')}</h2>
          <p>
            <a href="#/care-plans">{t('overview.pendingHandovers')}</a> <strong>{counts?.pendingHandovers ?? 0}</strong>
          </p>
        </section>
        <section className="card" aria-label={t('firstRun.careAreas')}>
          <h2>{t('firstRun.careAreas')}</h2>
          <ul className="plain-list">
            {areas.map((a) => (
              <li key={a.code}>{lang === 'sv' ? a.nameSv : a.nameEn}</li>
            ))}
          </ul>
        </section>
      </div>
    </Page>
  );
}
