import { useCan } from '../security/useCan';
import { RoleLimited } from '../security/RoleLimited';
import { useCallback, useEffect, useState } from 'react';
import { AWAITS_COMPLETENESS, INBOX_PAGE_ROWS, type ReferralListRow } from '../../../shared/api/methods/referrals';
import { REFERRAL_STATUSES } from '../../../shared/domain/referral-status';
import { useAppStore } from '../../app/store';
import { api } from '../../lib/api';
import { usePagedRows } from '../../lib/usePagedRows';
import { useT } from '../../i18n/useT';
import { Page } from '../../ui/Page';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { VirtualTable, type Column } from './VirtualTable';
import { careAreaName } from './labels';
import { toQuery, useInboxStore, type StatusFilter } from './inboxStore';
import { BulkComplete } from './BulkComplete';
import { useDataChanged } from '../team/useDataChanged';

function LeadCell({ days, over, target }: { days: number | null; over: boolean; target: number }) {
  const t = useT();
  if (days === null) return <span className="muted">–</span>;
  return over ? (
    <span className="lead-over" title={t('referrals.overTarget', { target })}>
      {days} <span aria-hidden="true">▲</span>
      <span className="visually-hidden"> ({t('referrals.overTarget', { target })})</span>
    </span>
  ) : (
    <span>{days}</span>
  );
}

const rowKey = (r: ReferralListRow) => r.id;

/** The inbox (inkorg): every referral of the unit's care areas with filters, search and lead times. */
export function InboxPage() {
  const t = useT();
  // Physicians read the inbox; registering and importing is for nurses, coordinators, administrators.
  const canBulk = useCan('referrals.markCompleteMany');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const lang = useAppStore((s) => s.lang);
  const reference = useAppStore((s) => s.reference)!;
  const filters = useInboxStore();
  const [search, setSearch] = useState(filters.search);

  // Typing waits a moment before searching, so each keystroke does not start a request.
  useEffect(() => {
    const timer = setTimeout(() => filters.set({ search }), 200);
    return () => clearTimeout(timer);
  }, [search]); // eslint-disable-line react-hooks/exhaustive-deps

  // By value: setting a filter to what it was (the search box's first debounce) fetches nothing.
  const queryKey = JSON.stringify(toQuery(filters));
  // A page at a time: only the referrals scrolled into view are fetched (and access-logged).
  const fetchPage = useCallback(
    (offset: number) => api.call('referrals.list', { ...(JSON.parse(queryKey) as ReturnType<typeof toQuery>), offset, limit: INBOX_PAGE_ROWS }),
    [queryKey],
  );
  const { rows, total, error, loadMore, refresh } = usePagedRows(fetchPage, rowKey);
  // After a bulk change, or another user's change on the unit server (team mode), every page the user
  // has scrolled through is read again in place: the rows, the scroll position and the selection stay.
  useDataChanged(refresh);

  const markable = (r: ReferralListRow) => AWAITS_COMPLETENESS.includes(r.status);
  const shownMarkable = (rows ?? []).filter(markable).map((r) => r.id);
  const allSelected = shownMarkable.length > 0 && shownMarkable.every((id) => selected.has(id));
  const toggle = (id: number, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const selectColumn: Column<ReferralListRow> = {
    key: 'select',
    header: (
      <input
        type="checkbox"
        aria-label={t('bulk.selectAll')}
        title={t('bulk.selectAll')}
        checked={allSelected}
        disabled={shownMarkable.length === 0}
        onChange={(e) => setSelected(e.target.checked ? new Set([...selected, ...shownMarkable]) : new Set())}
      />
    ),
    width: '3rem',
    render: (r) =>
      markable(r) ? (
        <input
          type="checkbox"
          aria-label={t('bulk.select', { name: r.patientName })}
          checked={selected.has(r.id)}
          onChange={(e) => toggle(r.id, e.target.checked)}
        />
      ) : null,
  };

  const columns: Column<ReferralListRow>[] = [
    ...(canBulk ? [selectColumn] : []),
    { key: 'patient', header: t('referrals.col.patient'), width: 'minmax(8rem, 1.5fr)', render: (r) => <a href={`#/referrals/${r.id}`}>{r.patientName}</a> },
    { key: 'id', header: t('referrals.col.identifier'), width: 'minmax(7rem, 9.5rem)', render: (r) => r.identifier },
    {
      key: 'area',
      header: t('referrals.col.careArea'),
      width: 'minmax(8rem, 2fr)',
      render: (r) => <span title={careAreaName(reference, r.careAreaCode, lang)}>{careAreaName(reference, r.careAreaCode, lang)}</span>,
    },
    {
      key: 'unit',
      header: t('referrals.col.unit'),
      width: 'minmax(8rem, 1.5fr)',
      render: (r) => <span title={r.referringUnitName}>{r.referringUnitName}</span>,
    },
    { key: 'received', header: t('referrals.col.received'), width: '7.5rem', render: (r) => r.receivedDate },
    {
      key: 'status',
      header: t('referrals.col.status'),
      width: 'minmax(7rem, 1.2fr)',
      render: (r) => (
        <>
          <span className={`status status-${r.status}`}>{t(`referral.status.${r.status}`)}</span>
          {r.priority === 'urgent' && <span className="tag tag-urgent">{t('priority.urgent')}</span>}
        </>
      ),
    },
    {
      key: 'sinceReceived',
      header: t('referrals.col.sinceReceived'),
      width: '6.5rem',
      render: (r) => (
        <LeadCell days={r.leadTime.sinceReceived} over={r.leadTime.overTarget && r.leadTime.sinceSuspicion === null} target={r.leadTime.targetDays} />
      ),
    },
    {
      key: 'sinceSuspicion',
      header: t('referrals.col.sinceSuspicion'),
      width: '6.5rem',
      render: (r) => <LeadCell days={r.leadTime.sinceSuspicion} over={r.leadTime.overTarget} target={r.leadTime.targetDays} />,
    },
  ];

  return (
    <Page
      title={t('referrals.title')}
      actions={
        <>
          <RoleLimited method="referrals.create" label={t('referrals.new')} className="primary">
            <a className="button primary" href="#/referrals/new">
              {t('referrals.new')}
            </a>
          </RoleLimited>
          <RoleLimited method="referrals.importCommit" label={t('referrals.import')}>
            <a className="button" href="#/referrals/import">
              {t('referrals.import')}
            </a>
          </RoleLimited>
          <RoleLimited method="referralForms.importCommit" label={t('forms.import.link')}>
            <a className="button" href="#/referrals/import-forms">
              {t('forms.import.link')}
            </a>
          </RoleLimited>
        </>
      }
    >
      <div className="toolbar filters">
        <input
          type="search"
          className="search"
          aria-label={t('referrals.search')}
          placeholder={t('referrals.search')}
          value={search}
          maxLength={100}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label>
          {t('referrals.filter.careArea')}
          <select value={filters.careArea} onChange={(e) => filters.set({ careArea: e.target.value })}>
            <option value="">{t('referrals.filter.all')}</option>
            {reference.careAreas.map((a) => (
              <option key={a.code} value={a.code}>
                {lang === 'sv' ? a.nameSv : a.nameEn}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('referrals.filter.status')}
          <select value={filters.status} onChange={(e) => filters.set({ status: e.target.value as StatusFilter })}>
            <option value="open">{t('referrals.filter.open')}</option>
            <option value="all">{t('referrals.filter.all')}</option>
            {REFERRAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`referral.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('referrals.filter.region')}
          <select value={filters.region} onChange={(e) => filters.set({ region: e.target.value })}>
            <option value="">{t('referrals.filter.all')}</option>
            {reference.healthcareRegions.map((h) => (
              <option key={h.code} value={h.code}>
                {lang === 'sv' ? h.nameSv : h.nameEn}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('referrals.filter.priority')}
          <select value={filters.priority} onChange={(e) => filters.set({ priority: e.target.value as '' })}>
            <option value="">{t('referrals.filter.all')}</option>
            <option value="urgent">{t('priority.urgent')}</option>
            <option value="normal">{t('priority.normal')}</option>
          </select>
        </label>
        <label>
          {t('referrals.sort')}
          <select value={filters.sort} onChange={(e) => filters.set({ sort: e.target.value as 'received_desc' })}>
            {(['received_desc', 'received_asc', 'lead_time_desc'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`referrals.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorBanner error={error} />
      {rows && (
        <>
          <div className="inbox-summary">
            <p className="muted" aria-live="polite">
              {t('referrals.count', { total })}
            </p>
            {canBulk && rows.length > 0 && (
              <BulkComplete
                selected={[...selected]}
                onDone={() => {
                  setSelected(new Set());
                  refresh();
                }}
              />
            )}
          </div>
          {rows.length === 0 ? (
            <p className="card">{t('referrals.empty')}</p>
          ) : (
            <VirtualTable
              rows={rows}
              totalRows={total}
              onNearEnd={loadMore}
              columns={columns}
              rowKey={rowKey}
              label={t('referrals.title')}
              rowClass={(r) => (r.leadTime.overTarget ? 'row-over' : '')}
              height="calc(100vh - 300px)"
            />
          )}
        </>
      )}
    </Page>
  );
}
