import { useState } from 'react';
import type { CarePlanDetail } from '../../../shared/api/methods/care-plans';
import { useT } from '../../i18n/useT';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/** The editor's buttons: save the draft, finalise it (asked first), or start a new version of the latest finalised one. */
export function CarePlanActions({ plan, onFinalise, onNewVersion }: { plan: CarePlanDetail; onFinalise(): void; onNewVersion(): void }) {
  const t = useT();
  const [confirmFinalise, setConfirmFinalise] = useState(false);
  const latest = plan.versions[0]?.id === plan.id;
  return (
    <div className="form-actions sticky-actions">
      {plan.status === 'draft' && (
        <>
          <button type="submit">{t('carePlan.saveDraft')}</button>
          <button type="button" className="primary" onClick={() => setConfirmFinalise(true)}>
            {t('carePlan.finalise')}
          </button>
          {confirmFinalise && (
            <ConfirmDialog
              title={t('carePlan.finaliseConfirm.title')}
              onCancel={() => setConfirmFinalise(false)}
              actions={[
                {
                  label: t('carePlan.finaliseConfirm.action'),
                  primary: true,
                  onConfirm: () => {
                    setConfirmFinalise(false);
                    onFinalise();
                  },
                },
              ]}
            >
              <p>{t('carePlan.finaliseConfirm.body')}</p>
            </ConfirmDialog>
          )}
        </>
      )}
      {plan.status === 'finalised' && latest && (
        <button type="button" onClick={onNewVersion}>
          {t('carePlan.newVersion')}
        </button>
      )}
    </div>
  );
}
