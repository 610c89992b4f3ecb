import { useId, type ReactNode } from 'react';
import type { MethodName } from '../../../shared/api';
import { usePermission } from './useCan';

/**
 * An action the contract gives to some roles only. Allowed: `children` as they are. Not allowed: the
 * action shown disabled (still focusable, so keyboard users reach the reason) with the reason as its
 * description and as a tooltip on hover and focus: the user sees what exists and who does it.
 */
export function RoleLimited({ method, label, className, children }: { method: MethodName; label: string; className?: string; children: ReactNode }) {
  const { allowed, reason } = usePermission(method);
  const id = useId();
  if (allowed) return <>{children}</>;
  return (
    <span className="role-limited">
      <button type="button" className={className} aria-disabled="true" aria-describedby={id} onClick={(e) => e.preventDefault()}>
        {label}
      </button>
      <span id={id} role="tooltip" className="role-limited-reason">
        {reason}
      </span>
    </span>
  );
}

/** The reason alone, as a note beside or instead of what the role cannot do (empty when allowed). */
export function RoleLimitNote({ method }: { method: MethodName }) {
  const { allowed, reason } = usePermission(method);
  return allowed ? null : <p className="muted role-limit-note">{reason}</p>;
}
