import { api, type MethodName } from '../../../shared/api';
import { useAuthStore } from './authStore';

/** Whether the signed-in user's role may call `method`: the contract's roles, as the router checks them. */
export function canCall(role: string | undefined, method: MethodName): boolean {
  const roles = api[method].roles;
  return roles === 'any' || (role !== undefined && (roles as readonly string[]).includes(role));
}

/** `useCan('users.save')`: hide what the role may not do (the router refuses it anyway). */
export function useCan(method: MethodName): boolean {
  const role = useAuthStore((s) => s.status?.user?.role);
  return canCall(role, method);
}
