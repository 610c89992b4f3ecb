import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<R> {
  rows: R[];
  total: number;
}

/**
 * Rows fetched a page at a time: the first page whenever `key` (the query) changes, the next one when
 * `loadMore` is called (the list scrolled near its end). A page that arrives for an older query is
 * dropped, and rows already shown are not repeated if the list shifted between pages.
 */
export function usePagedRows<R>(key: string, fetchPage: (offset: number) => Promise<Page<R>>, rowKey: (row: R) => string | number) {
  const [state, setState] = useState<(Page<R> & { key: string }) | null>(null);
  const [error, setError] = useState<unknown>(null);
  const loading = useRef(false);
  const current = useRef(key);
  current.current = key;

  useEffect(() => {
    let live = true;
    loading.current = true;
    fetchPage(0).then(
      (page) => live && (setState({ ...page, key }), setError(null)),
      (e) => live && setError(e),
    ).finally(() => live && (loading.current = false));
    return () => {
      live = false;
    };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- fetchPage follows key

  const loadMore = useCallback(() => {
    if (!state || state.key !== key || loading.current || state.rows.length >= state.total) return;
    loading.current = true;
    fetchPage(state.rows.length)
      .then(
        (page) => {
          if (current.current !== key) return;
          setState((prev) => {
            if (!prev || prev.key !== key) return prev;
            const shown = new Set(prev.rows.map(rowKey));
            return { key, total: page.total, rows: [...prev.rows, ...page.rows.filter((r) => !shown.has(rowKey(r)))] };
          });
        },
        (e) => setError(e),
      )
      .finally(() => (loading.current = false));
  }, [state, key, fetchPage, rowKey]);

  return { rows: state?.rows ?? null, total: state?.total ?? 0, error, loadMore };
}
