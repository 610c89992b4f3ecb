import { lazy, Suspense } from 'react';
import { useT } from '../../i18n/useT';

// chart.js is only needed here: loading the dashboard on demand keeps it out of the first bundle.
const FollowUpPage = lazy(() => import('./FollowUpPage'));

/** #/follow-up: the dashboard, loaded when first opened. */
export function FollowUpView() {
  const t = useT();
  return (
    <Suspense fallback={<p aria-busy="true">{t('common.loading')}</p>}>
      <FollowUpPage />
    </Suspense>
  );
}
