import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { firstLoadState, latestLoader, type LoadState } from './latest-load';

/**
 * Data a view reads from the API: loaded when the view opens and again whenever `deps` change, or on
 * `reload()` (after a change; also the callback for useDataChanged). Only the newest request's answer
 * is shown. `error` is the refusal as the API gave it: ErrorBanner and Field show it in the user's
 * language. `setData` puts an answer the view already has (e.g. what a save returned) in place.
 */
export function useApiData<T>(load: () => Promise<T>, deps: DependencyList) {
  const [state, setState] = useState<LoadState<T>>(firstLoadState);
  const [loader] = useState(() => latestLoader<T>(setState));
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the load depends on
  const run = useCallback(() => loader.run(load), deps);
  const latestRun = useRef(run);
  useEffect(() => {
    latestRun.current = run;
    void run();
    return loader.drop;
  }, [loader, run]);
  const reload = useCallback(() => latestRun.current(), []);
  const setData = useCallback((data: T) => setState((s) => ({ ...s, data, error: null })), []);
  return { ...state, reload, setData };
}
