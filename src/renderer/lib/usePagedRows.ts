import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<R> {
  rows: R[];
  total: number;
}

interface Loaded<R> extends Page<R> {
  source: (offset: number) => Promise<Page<R>>;
  /** The offsets of the pages fetched so far, so a refresh reads the same pages again. */
  offsets: number[];
}

/** The pages' rows in order, each row once (a row can move into the next page while they are read). */
function joinPages<R>(pages: R[][], rowKey: (row: R) => string | number): R[] {
  const shown = new Set<string | number>();
  return pages.flat().filter((r) => !shown.has(rowKey(r)) && (shown.add(rowKey(r)), true));
}

/**
 * Rows fetched a page at a time: the first page whenever `fetchPage` changes (memoise it on the query),
 * the next one when `loadMore` is called (the list scrolled near its end). A page that arrives for an
 * older query is dropped, and rows already shown are not repeated if the list shifted between pages.
 * `refresh` reads every page loaded so far again and swaps the rows in place (others changed the data),
 * so the list keeps its length, and with it the user's scroll position.
 */
export function usePagedRows<R>(fetchPage: (offset: number) => Promise<Page<R>>, rowKey: (row: R) => string | number) {
  const [state, setState] = useState<Loaded<R> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const loading = useRef(false);
  const current = useRef(fetchPage);
  current.current = fetchPage;
  const latest = useRef(state);
  latest.current = state;
  /** Moves on each refresh and new query: a page read before it no longer fits the rows shown. */
  const epoch = useRef(0);

  useEffect(() => {
    let live = true;
    epoch.current++;
    loading.current = true;
    fetchPage(0)
      .then(
        (page) => live && (setState({ ...page, source: fetchPage, offsets: [0] }), setError(null)),
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
    const started = epoch.current;
    const offset = state.rows.length;
    fetchPage(offset)
      .then(
        (page) => {
          if (current.current !== fetchPage || epoch.current !== started) return;
          setState((prev) => {
            if (!prev || prev.source !== fetchPage) return prev;
            return { source: fetchPage, offsets: [...prev.offsets, offset], total: page.total, rows: joinPages([prev.rows, page.rows], rowKey) };
          });
        },
        (e) => epoch.current === started && setError(e),
      )
      .finally(() => epoch.current === started && (loading.current = false));
  }, [state, fetchPage, rowKey]);

  const refresh = useCallback(() => {
    const shown = latest.current;
    const source = current.current;
    if (!shown || shown.source !== source) return; // the first page of this query is on its way
    const started = ++epoch.current;
    loading.current = true;
    Promise.all(shown.offsets.map((offset) => source(offset)))
      .then(
        (pages) => {
          if (current.current !== source || epoch.current !== started) return;
          setState({
            source,
            offsets: shown.offsets,
            total: pages[pages.length - 1].total,
            rows: joinPages(
              pages.map((p) => p.rows),
              rowKey,
            ),
          });
          setError(null);
        },
        (e) => epoch.current === started && setError(e),
      )
      .finally(() => epoch.current === started && (loading.current = false));
  }, [rowKey]);

  return { rows: state?.rows ?? null, total: state?.total ?? 0, error, loadMore, refresh };
}
