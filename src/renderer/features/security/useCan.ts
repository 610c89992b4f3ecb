import type { MethodName } from '../../../shared/api';
import { useAppStore } from '../../app/store';
import { useAuthStore } from './authStore';
import { permissionFor, type Permission } from './permissions';

export { canCall, whoMayCall, permissionFor, type Permission } from './permissions';

/** `usePermission('series.save')`: whether the role may, and if not, why (shown beside the disabled action). */
export function usePermission(method: MethodName): Permission {
  const role = useAuthStore((s) => s.status?.user?.role);
  const lang = useAppStore((s) => s.lang);
  return permissionFor(lang, role, method);
}

/** `useCan('users.save')`: whether the role may call the method (the router refuses it anyway). */
export function useCan(method: MethodName): boolean {
  return usePermission(method).allowed;
}

/**
 * A text that suggests an action, for a role that may take it; for another role the plain fact and
 * who takes the action: `useSuggestion('series.save', t('cal.noMeetings'), t('cal.noMeetingsInPeriod'))`.
 */
export function useSuggestion(method: MethodName, suggestion: string, fact: string): string {
  const { allowed, reason } = usePermission(method);
  return allowed ? suggestion : `${fact} ${reason}`;
}
