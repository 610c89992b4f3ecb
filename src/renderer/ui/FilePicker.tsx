import { useT } from '../i18n/useT';

interface Props {
  /** Given by Field: the input keeps the field's label as its name. */
  id?: string;
  accept?: string;
  disabled?: boolean;
  fileName: string;
  onPick(file: File | undefined): void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/**
 * A file input whose button and "no file chosen" text are ours, in the app's language: the native one
 * speaks the browser's language ("Choose File"). The input itself stays focusable (visually hidden),
 * so the keyboard and screen readers use it as usual; its focus ring shows on the button.
 */
export function FilePicker({ id, accept, disabled, fileName, onPick, ...aria }: Props) {
  const t = useT();
  return (
    <span className="file-picker">
      <input
        id={id}
        type="file"
        className="visually-hidden"
        accept={accept}
        disabled={disabled}
        {...aria}
        onChange={(e) => {
          const picked = e.target.files?.[0];
          // Cleared so that picking the same file again (after correcting it) reads it again.
          e.target.value = '';
          onPick(picked);
        }}
      />
      <label htmlFor={id} className="button" aria-hidden="true">
        {t('file.choose')}
      </label>
      <span className="file-picker-name">{fileName || t('file.none')}</span>
    </span>
  );
}
