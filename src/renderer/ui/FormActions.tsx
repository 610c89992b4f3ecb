import { useT } from '../i18n/useT';

/** The Save / Cancel row under a form: submit is the primary action, Cancel leaves without saving. */
export function FormActions({ onCancel, busy, submitLabel }: { onCancel?: () => void; busy?: boolean; submitLabel?: string }) {
  const t = useT();
  return (
    <div className="form-actions">
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel ?? t('common.save')}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}
