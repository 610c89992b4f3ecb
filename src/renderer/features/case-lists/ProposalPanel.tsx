import type { CaseBrief, Proposal } from '../../../shared/api/methods/case-lists';
import { formatIdentifier } from '../../../shared/domain/agenda';
import { useT } from '../../i18n/useT';

/** The proposal: what fits (addable in one step), what overflows to the next meeting, and late referrals. */
export function ProposalPanel({ proposal, onAdd }: { proposal: Proposal; onAdd(referralIds: number[], byHand: boolean): void }) {
  const t = useT();
  const empty = proposal.fits.length + proposal.overflow.length + proposal.late.length === 0;
  return (
    <section className="card" aria-labelledby="proposal-heading">
      <div className="section-head">
        <h2 id="proposal-heading">{t('caseList.proposal')}</h2>
        {proposal.fits.length > 0 && (
          <button type="button" className="primary" onClick={() => onAdd(proposal.fits.map((c) => c.referralId), false)}>
            {t('caseList.addAll', { count: proposal.fits.length })}
          </button>
        )}
      </div>
      <p className="muted">{t('caseList.proposalIntro')}</p>
      {empty && <p>{t('caseList.noProposal')}</p>}
      <CaseTable cases={proposal.fits} onAdd={(id) => onAdd([id], false)} />
      {proposal.overflow.length > 0 && (
        <>
          <h3>{proposal.nextMeeting ? t('caseList.overflowNext', { date: proposal.nextMeeting.localDate }) : t('caseList.overflow')}</h3>
          <CaseTable cases={proposal.overflow} onAdd={(id) => onAdd([id], true)} />
        </>
      )}
      {proposal.late.length > 0 && (
        <>
          <h3>{t('caseList.late')}</h3>
          <p className="muted">{t('caseList.lateIntro')}</p>
          <CaseTable cases={proposal.late} onAdd={(id) => onAdd([id], true)} />
        </>
      )}
    </section>
  );
}

/** Long proposals are cut at 200 rows on screen (the rest are still counted and addable later). */
function CaseTable({ cases, onAdd }: { cases: CaseBrief[]; onAdd(referralId: number): void }) {
  const t = useT();
  if (cases.length === 0) return null;
  return (
    <table className="table compact">
      <thead>
        <tr>
          <th>{t('caseList.patient')}</th>
          <th>{t('caseList.referrer')}</th>
          <th>{t('caseList.question')}</th>
          <th>{t('caseList.received')}</th>
          <th>{t('caseList.leadTime')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {cases.slice(0, 200).map((c) => (
          <tr key={c.referralId}>
            <td>
              {c.familyName}, {c.givenName}
              <div className="muted nowrap">{formatIdentifier(c.identifier)}</div>
              {c.priority === 'urgent' && <span className="tag tag-urgent">{t('caseList.urgent')}</span>}
              {c.rediscussion && <span className="tag">{t('caseList.rediscussion')}</span>}
            </td>
            <td>{c.referringUnitName}</td>
            <td>{c.question}</td>
            <td className="nowrap">{c.receivedDate}</td>
            <td className={c.daysLeft < 0 ? 'over' : undefined}>
              {c.daysLeft >= 0 ? t('caseList.daysLeft', { days: c.daysLeft }) : t('caseList.daysOver', { days: -c.daysLeft })}
            </td>
            <td>
              <button type="button" onClick={() => onAdd(c.referralId)} aria-label={t('caseList.addCaseFor', { name: `${c.familyName}, ${c.givenName}` })}>
                {t('caseList.addCase')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
