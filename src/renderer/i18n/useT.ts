import { useCallback } from 'react';
import { translate, type Translate } from '../../shared/i18n';
import { describeError } from '../../shared/i18n/describe-error';
import { useAppStore } from '../app/store';

/** The translate function for the current language: a key no message bundle has fails typecheck. */
export function useT(): Translate {
  const lang = useAppStore((s) => s.lang);
  return useCallback<Translate>((key, params) => translate(lang, key, params), [lang]);
}

export function useDescribeError() {
  const lang = useAppStore((s) => s.lang);
  return useCallback((error: unknown) => describeError(lang, error), [lang]);
}
