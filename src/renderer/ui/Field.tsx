import { cloneElement, isValidElement, useId, type ReactElement } from 'react';
import { ApiError } from '../../shared/api/errors';
import { translate } from '../../shared/i18n';
import { useAppStore } from '../app/store';

/** Looks up the translated issue for an input path (or its first element) in the last error. */
export function useFieldErrors(error: unknown): (path: string) => string | null {
  const lang = useAppStore((s) => s.lang);
  return (path: string) => {
    if (!(error instanceof ApiError) || !error.issues) return null;
    const issue = error.issues.find((i) => i.path === path || i.path.startsWith(path + '.'));
    return issue ? translate(lang, issue.messageKey, issue.params) : null;
  };
}

interface FieldProps {
  label: string;
  error?: string | null;
  /** One form control; it gets the id, aria-invalid and aria-describedby. */
  children: ReactElement<Record<string, unknown>>;
  hint?: string;
  wide?: boolean;
}

/** A labelled form control with its error beneath it; the label's name stays the control's name. */
export function Field({ label, error, hint, children, wide }: FieldProps) {
  const id = useId();
  const noteId = `${id}-note`;
  const control = isValidElement(children)
    ? cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error || hint ? noteId : undefined })
    : children;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${wide ? ' field-wide' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {control}
      {error ? (
        <span id={noteId} className="field-error" role="alert">
          {error}
        </span>
      ) : (
        hint && (
          <span id={noteId} className="field-hint">
            {hint}
          </span>
        )
      )}
    </div>
  );
}
