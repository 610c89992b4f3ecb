import type { CarePlanDetail } from '../../../shared/api/methods/care-plans';
import { displayIdentifier } from '../../../shared/domain/care-plan';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { useFieldErrors } from '../../ui/Field';
import { Page } from '../../ui/Page';
import { HandoverPanel } from './HandoverPanel';
import { ExportActions } from './ExportActions';
import { VersionConflict } from '../team/VersionConflict';
import { useCarePlanEditing } from './useCarePlanEditing';
import { ContactSection, DiagnosisSection, FollowUpSection, TextSections } from './CarePlanSections';
import { CarePlanActions } from './CarePlanActions';
import { CarePlanHistory } from './CarePlanHistory';
import './care-plans.css';

/** One care-plan version: sections editable while a draft, read-only once finalised. */
export function CarePlanEditor({ id }: { id: number }) {
  const t = useT();
  const editing = useCarePlanEditing(id);
  const { plan, draft, error, notice } = editing;
  const fe = useFieldErrors(error);

  if (!plan || !draft) return <Page title={t('carePlan.title')}>{error ? <ErrorBanner error={error} /> : <p>{t('common.loading')}</p>}</Page>;
  const sections = { plan, draft, set: editing.set, fe, readOnly: plan.status !== 'draft' };
  return (
    <Page
      title={t('carePlan.heading', { name: plan.patientName })}
      actions={
        <a href="#/care-plans" className="link">
          {t('carePlan.back')}
        </a>
      }
    >
      <CarePlanSummary plan={plan} />
      <ErrorBanner error={error} />
      <VersionConflict error={error} reloaded={editing.reloaded} onReload={() => void editing.reloadLatest()} />
      {notice && (
        <p className="banner banner-ok" role="status">
          {notice}
        </p>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void editing.save();
        }}
        aria-label={t('carePlan.heading', { name: plan.patientName })}
      >
        <ContactSection {...sections} />
        <DiagnosisSection {...sections} />
        <FollowUpSection {...sections} />
        <TextSections {...sections} />
        <CarePlanActions plan={plan} onFinalise={() => void editing.finalise()} onNewVersion={() => void editing.newVersion()} />
      </form>
      <HandoverPanel plan={plan} onChanged={(p) => editing.show(p, null)} />
      <ExportActions plan={plan} />
      <CarePlanHistory plan={plan} />
    </Page>
  );
}

/** Status, version, the patient's identifier, who finalised it and the recommendation it follows. */
function CarePlanSummary({ plan }: { plan: CarePlanDetail }) {
  const t = useT();
  return (
    <>
      <p>
        <span className={`tag tag-${plan.status}`}>{t(`carePlan.status.${plan.status}`)}</span> {t('carePlan.version', { version: plan.version })}
        {plan.patientIdentifier && <> · {displayIdentifier(plan.patientIdentifier)}</>}
      </p>
      {plan.finalisedAt && <p className="muted">{t('carePlan.finalisedBy', { at: plan.finalisedAt.slice(0, 10), by: plan.finalisedBy ?? '' })}</p>}
      {plan.recommendation?.treatmentText && <p className="muted">{t('carePlan.recommendation', { text: plan.recommendation.treatmentText })}</p>}
    </>
  );
}
