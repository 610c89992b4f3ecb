import type { CaseBrief, Proposal } from '../../../shared/api/methods/case-lists';
import { formatIdentifier } from '../../../shared/domain/agenda';
import { useT } from '../../i18n/useT';

/** The proposal: what fits (addable in one step), what overflows to the next meeting, and late referrals. */
export function ProposalPanel({ proposal, onAdd }: { proposal: Proposal; onAdd(referralIds: number[], byHand: boolean): void }) {
  const t = useT();
  const empty = proposal.fits.length + proposal.overflowTotal + proposal.lateTotal === 0;
  return (
    <section className="card" aria-labelledby="proposal-heading">
      <div className="section-head">
        <h2 id="proposal-heading">{t('caseList.proposal')}</h2>
        {proposal.fits.length > 0 && (
          <button
            type="button"
            className="primary"
            onClick={() =>
              onAdd(
                proposal.fits.map((c) => c.referralId),
                false,
              )
            }
          >
            {t('caseList.addAll', { count: proposal.fits.length })}
          </button>
        )}
      </div>
      <p className="muted">{t('caseList.proposalIntro')}</p>
      {empty && <p>{t('caseList.noProposal')}</p>}
      <CaseTable cases={proposal.fits} onAdd={(id) => onAdd([id], false)} />
      {proposal.overflowTotal > 0 && (
        <>
          <h3>
            {proposal.nextMeeting ? t('caseList.overflowNext', { date: proposal.nextMeeting.localDate }) : t('caseList.overflow')}
            <span className="muted"> · {t('caseList.count', { total: proposal.overflowTotal })}</span>
          </h3>
          <FirstShown shown={proposal.overflow.length} total={proposal.overflowTotal} />
          <CaseTable cases={proposal.overflow} onAdd={(id) => onAdd([id], true)} />
        </>
      )}
      {proposal.lateTotal > 0 && (
        <>
          <h3>
            {t('caseList.late')}
            <span className="muted"> · {t('caseList.count', { total: proposal.lateTotal })}</span>
          </h3>
          <p className="muted">{t('caseList.lateIntro')}</p>
          <FirstShown shown={proposal.late.length} total={proposal.lateTotal} />
          <CaseTable cases={proposal.late} onAdd={(id) => onAdd([id], true)} />
        </>
      )}
    </section>
  );
}

/** The server sends the first PROPOSAL_SHOWN_ROWS of a long group; the rest are counted (and come up at later meetings). */
function FirstShown({ shown, total }: { shown: number; total: number }) {
  const t = useT();
  return shown < total ? <p className="muted">{t('caseList.firstShown', { shown, total })}</p> : null;
}

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
        {cases.map((c) => (
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
