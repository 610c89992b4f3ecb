import { useId, useState, type InputHTMLAttributes } from 'react';
import { dateIssue, normaliseDate, normaliseTime, timeIssue } from '../../shared/domain/date-text';
import type { MessageKey } from '../../shared/i18n';
import { useT } from '../i18n/useT';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & {
  value: string;
  /** The text as typed ('' when cleared); tidied on leaving the field ("20270115" → "2027-01-15"). */
  onValue(value: string): void;
};

interface Kind {
  placeholderKey: MessageKey;
  maxLength: number;
  normalise(s: string): string;
  issue(s: string): MessageKey | null;
}

const DATE: Kind = { placeholderKey: 'field.datePlaceholder', maxLength: 10, normalise: normaliseDate, issue: dateIssue };
const TIME: Kind = { placeholderKey: 'field.timePlaceholder', maxLength: 5, normalise: normaliseTime, issue: timeIssue };

/**
 * A text field for a date or a time, written the Swedish way in every browser locale (a native
 * date or time input follows the browser's: mm/dd/yyyy, "02:00 PM"). What is typed is tidied when
 * the field is left, and a date or time that cannot be read says so beneath the field.
 */
function FormattedInput({ kind, value, onValue, onBlur, ...rest }: Props & { kind: Kind }) {
  const t = useT();
  const errorId = useId();
  const [left, setLeft] = useState(false);
  const issue = left && value !== '' ? kind.issue(value) : null;
  const describedBy = [rest['aria-describedby'], issue ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <input
        {...rest}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder={t(kind.placeholderKey)}
        maxLength={kind.maxLength + 2}
        value={value}
        aria-invalid={issue ? true : rest['aria-invalid']}
        aria-describedby={describedBy}
        onChange={(e) => onValue(e.target.value)}
        onBlur={(e) => {
          setLeft(true);
          const tidy = kind.normalise(e.target.value);
          if (tidy !== e.target.value) onValue(tidy);
          onBlur?.(e);
        }}
      />
      {issue && (
        <span id={errorId} className="field-error" role="alert">
          {t(issue)}
        </span>
      )}
    </>
  );
}

/** A date as ÅÅÅÅ-MM-DD. */
export function DateInput(props: Props) {
  return <FormattedInput kind={DATE} {...props} className={['date-input', props.className].filter(Boolean).join(' ')} />;
}

/** A time as HH:MM on a 24-hour clock. */
export function TimeInput(props: Props) {
  return <FormattedInput kind={TIME} {...props} className={['time-input', props.className].filter(Boolean).join(' ')} />;
}
