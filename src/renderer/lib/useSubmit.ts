import { useState } from 'react';

/** A form's submit: busy flag, the last error (for Field and ErrorBanner), cleared on success. */
export function useSubmit<T>(action: () => Promise<T>, onDone?: (result: T) => void) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e?: React.FormEvent) {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const result = await action();
      setError(null);
      onDone?.(result);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return { submit, error, busy, setError };
}
