import { useCallback } from 'react';
import { translate } from '../../shared/i18n';
import { describeError } from '../../shared/i18n/describe-error';
import { useAppStore } from '../app/store';

/** The translate function for the current language. */
export function useT() {
  const lang = useAppStore((s) => s.lang);
  return useCallback((key: string, params?: Record<string, string | number>) => translate(lang, key, params), [lang]);
}

export function useDescribeError() {
  const lang = useAppStore((s) => s.lang);
  return useCallback((error: unknown) => describeError(lang, error), [lang]);
}
