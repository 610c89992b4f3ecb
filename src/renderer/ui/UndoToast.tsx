import { useEffect } from 'react';

/** How long an undo is offered after a step that can be taken back. */
export const UNDO_SECONDS = 8;

/**
 * A short message with an undo button, for a few seconds after a step (e.g. postponing a case). It is a
 * status region, so a screen reader announces it; it leaves by itself when the time is up.
 */
export function UndoToast({
  message,
  undoLabel,
  undoName,
  onUndo,
  onExpire,
}: {
  message: string;
  undoLabel: string;
  undoName?: string;
  onUndo(): void;
  onExpire(): void;
}) {
  useEffect(() => {
    const timer = setTimeout(onExpire, UNDO_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [onExpire]);
  return (
    <div className="toast" role="status">
      <span>{message}</span>
      <button type="button" onClick={onUndo} aria-label={undoName}>
        {undoLabel}
      </button>
    </div>
  );
}
