import type { RecommendationVersion } from '../../../shared/api/methods/case-lists';
import { useT } from '../../i18n/useT';
import { stockholmDateTime } from './format';

/** A recorded recommendation, read-only; earlier versions (amended) beneath it. */
export function RecommendationView({ versions }: { versions: RecommendationVersion[] }) {
  const t = useT();
  const [current, ...earlier] = versions;
  if (!current) return null;
  return (
    <div className="recommendation-view">
      <Version v={current} />
      {earlier.length > 0 && (
        <details>
          <summary>{t('recommendation.earlier')}</summary>
          {earlier.map((v) => (
            <div key={v.version} className="earlier-version">
              <Version v={v} />
            </div>
          ))}
        </details>
      )}
    </div>
  );
}

function Version({ v }: { v: RecommendationVersion }) {
  const t = useT();
  return (
    <dl className="facts">
      <dt>{t('recommendation.intent')}</dt>
      <dd>{t(`recommendation.intent.${v.intent}`)}</dd>
      {v.treatments.length > 0 && (
        <>
          <dt>{t('recommendation.treatments')}</dt>
          <dd>{v.treatments.join(', ')}</dd>
        </>
      )}
      {v.treatmentText && (
        <>
          <dt>{t('recommendation.treatmentText')}</dt>
          <dd>{v.treatmentText}</dd>
        </>
      )}
      {v.placeOfTreatment && (
        <>
          <dt>{t('recommendation.place')}</dt>
          <dd>{v.placeOfTreatment}</dd>
        </>
      )}
      {v.nextStep && (
        <>
          <dt>{t('recommendation.nextStep')}</dt>
          <dd>
            {v.nextStep}
            {v.responsibleUnitName ? ` – ${v.responsibleUnitName}` : ''}
          </dd>
        </>
      )}
      {v.rediscussDate && (
        <>
          <dt>{t('recommendation.rediscussDate')}</dt>
          <dd>{v.rediscussDate}</dd>
        </>
      )}
      <dt className="muted">{t('recommendation.version', { version: v.version, at: stockholmDateTime(v.recordedAt), by: v.recordedBy })}</dt>
      <dd>{v.amendmentReason ? t('recommendation.amendedBecause', { reason: v.amendmentReason }) : ''}</dd>
    </dl>
  );
}
