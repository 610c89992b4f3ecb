import { useState } from 'react';
import type { CarePlanDetail } from '../../../shared/api/methods/care-plans';
import { api } from '../../lib/api';
import { downloadFile, printPdf } from '../../lib/files';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';

/** The patient's PDF (download or print) and the FHIR R4 bundle for the receiving region. */
export function ExportActions({ plan }: { plan: CarePlanDetail }) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const run = (fn: () => Promise<void>) => () => fn().then(() => setError(null), setError);
  return (
    <section className="card" aria-labelledby="cp-export">
      <h2 id="cp-export">{t('carePlan.section.export')}</h2>
      <ErrorBanner error={error} />
      <div className="toolbar">
        <button type="button" onClick={run(async () => downloadFile(await api.call('carePlans.pdf', { id: plan.id, purpose: 'export' })))}>
          {t('carePlan.pdf')}
        </button>
        <button type="button" onClick={run(async () => printPdf(await api.call('carePlans.pdf', { id: plan.id, purpose: 'print' })))}>
          {t('carePlan.print')}
        </button>
        <button type="button" onClick={run(async () => downloadFile(await api.call('carePlans.fhir', { id: plan.id })))}>
          {t('carePlan.fhir')}
        </button>
      </div>
    </section>
  );
}
