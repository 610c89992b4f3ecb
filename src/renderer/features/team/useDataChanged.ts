import { useEffect, useRef } from 'react';
import { DATA_CHANGED_EVENT } from './changeWatch';

/** Calls `reload` when another user's change reached the server (team mode; never elsewhere). */
export function useDataChanged(reload: () => void): void {
  const latest = useRef(reload);
  useEffect(() => {
    latest.current = reload;
  });
  useEffect(() => {
    const on = () => latest.current();
    window.addEventListener(DATA_CHANGED_EVENT, on);
    return () => window.removeEventListener(DATA_CHANGED_EVENT, on);
  }, []);
}
