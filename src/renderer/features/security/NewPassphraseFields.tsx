import type { ChangeEvent } from 'react';
import { useT } from '../../i18n/useT';
import { Field } from '../../ui/Field';
import { PassphraseStrength } from './PassphraseStrength';

type Key = 'passphrase' | 'passphraseRepeat';

/** A new passphrase typed twice (setup, recovery, change): the same hint, autocomplete and field paths. */
export function NewPassphraseFields({
  label,
  value,
  set,
  fe,
  userName,
  name,
}: {
  label: string;
  /** Whose passphrase it is: the estimate counts their names as easy guesses. */
  userName?: string;
  name?: string;
  value: Record<Key, string>;
  set(key: Key): (e: ChangeEvent<HTMLInputElement>) => void;
  fe(path: string): string | null;
}) {
  const t = useT();
  return (
    <>
      <Field label={label} hint={t('auth.passphraseHint')} error={fe('passphrase')}>
        <input type="password" value={value.passphrase} onChange={set('passphrase')} autoComplete="new-password" />
      </Field>
      <PassphraseStrength passphrase={value.passphrase} userName={userName} name={name} />
      <Field label={t('auth.passphraseRepeat')} error={fe('passphraseRepeat')}>
        <input type="password" value={value.passphraseRepeat} onChange={set('passphraseRepeat')} autoComplete="new-password" />
      </Field>
    </>
  );
}
