import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/useT';

export interface ConfirmAction {
  label: string;
  onConfirm(): void;
  primary?: boolean;
}

/**
 * Asks before an irreversible step and says what follows. A modal <dialog>: the browser keeps focus
 * inside it and Escape cancels; focus starts on the first action and returns to the opener when closed.
 */
export function ConfirmDialog({ title, children, actions, onCancel }: { title: string; children: ReactNode; actions: ConfirmAction[]; onCancel(): void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div id={bodyId}>{children}</div>
      <div className="form-actions">
        {actions.map((a) => (
          <button key={a.label} type="button" className={a.primary ? 'primary' : undefined} onClick={a.onConfirm}>
            {a.label}
          </button>
        ))}
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </dialog>
  );
}
