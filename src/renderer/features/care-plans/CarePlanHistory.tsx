import type { CarePlanDetail } from '../../../shared/api/methods/care-plans';
import { useT } from '../../i18n/useT';

/** Every version of the plan, the one shown in bold, the others as links. */
export function CarePlanHistory({ plan }: { plan: CarePlanDetail }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="cp-history">
      <h2 id="cp-history">{t('carePlan.section.history')}</h2>
      <ul className="plain-list">
        {plan.versions.map((v) => (
          <li key={v.id}>
            {v.id === plan.id ? (
              <strong>{t('carePlan.version', { version: v.version })}</strong>
            ) : (
              <a href={`#/care-plans/${v.id}`}>{t('carePlan.version', { version: v.version })}</a>
            )}{' '}
            – {t(`carePlan.status.${v.status}`)}
            {v.finalisedAt && ` ${v.finalisedAt.slice(0, 10)} (${v.finalisedBy})`}
          </li>
        ))}
      </ul>
    </section>
  );
}
