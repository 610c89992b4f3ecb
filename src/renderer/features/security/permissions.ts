/** What a role may call, from the contract's roles, and why not in the user's language (pure: no store, no DOM). */
import { api, type MethodName } from '../../../shared/api';
import { ROLES } from '../../../shared/api/contract';
import { hasMessage, translate, type Lang } from '../../../shared/i18n';

/** Whether the signed-in user's role may call `method`: the contract's roles, as the router checks them. */
export function canCall(role: string | undefined, method: MethodName): boolean {
  const roles = api[method].roles;
  return roles === 'any' || (role !== undefined && (roles as readonly string[]).includes(role));
}

/** The roles that may call `method`, by name and joined with "or": "administratör eller koordinator". */
export function whoMayCall(lang: Lang, method: MethodName): string {
  const roles = api[method].roles;
  const names = (roles === 'any' ? ROLES : roles).map((r) => translate(lang, `role.${r}`).toLocaleLowerCase(lang === 'sv' ? 'sv-SE' : 'en-GB'));
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} ${translate(lang, 'settings.or')} ${names.at(-1)}` : names[0];
}

export interface Permission {
  allowed: boolean;
  /** Why not, in the user's language ("Bara administratör eller koordinator kan lägga upp mötesserier."); '' when allowed. */
  reason: string;
}

/** The permission of `role` for `method`, with the reason a disabled action shows (`can.action.<method>` names the action). */
export function permissionFor(lang: Lang, role: string | undefined, method: MethodName): Permission {
  if (canCall(role, method)) return { allowed: true, reason: '' };
  const actionKey = `can.action.${method}`;
  const action = translate(lang, hasMessage(actionKey) ? actionKey : 'can.action.default');
  return { allowed: false, reason: translate(lang, 'can.only', { roles: whoMayCall(lang, method), action }) };
}
