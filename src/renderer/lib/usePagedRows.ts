import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<R> {
  rows: R[];
  total: number;
}

/**
 * Rows fetched a page at a time: the first page whenever `fetchPage` changes (memoise it on the query),
 * the next one when `loadMore` is called (the list scrolled near its end). A page that arrives for an
 * older query is dropped, and rows already shown are not repeated if the list shifted between pages.
 */
export function usePagedRows<R>(fetchPage: (offset: number) => Promise<Page<R>>, rowKey: (row: R) => string | number) {
  const [state, setState] = useState<(Page<R> & { source: typeof fetchPage }) | null>(null);
  const [error, setError] = useState<unknown>(null);
  const loading = useRef(false);
  const current = useRef(fetchPage);
  current.current = fetchPage;

  useEffect(() => {
    let live = true;
    loading.current = true;
    fetchPage(0)
      .then(
        (page) => live && (setState({ ...page, source: fetchPage }), setError(null)),
        (e) => live && setError(e),
      )
      .finally(() => live && (loading.current = false));
    return () => {
      live = false;
    };
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (!state || state.source !== fetchPage || loading.current || state.rows.length >= state.total) return;
    loading.current = true;
    fetchPage(state.rows.length)
      .then(
        (page) => {
          if (current.current !== fetchPage) return;
          setState((prev) => {
            if (!prev || prev.source !== fetchPage) return prev;
            const shown = new Set(prev.rows.map(rowKey));
            return { source: fetchPage, total: page.total, rows: [...prev.rows, ...page.rows.filter((r) => !shown.has(rowKey(r)))] };
          });
        },
        (e) => setError(e),
      )
      .finally(() => (loading.current = false));
  }, [state, fetchPage, rowKey]);

  return { rows: state?.rows ?? null, total: state?.total ?? 0, error, loadMore };
}
