import { useT } from '../../i18n/useT';
import { useAuthStore } from './authStore';

/** Top bar: who is signed in, in which role, with Lock and Sign out. */
export function UserMenu() {
  const t = useT();
  const user = useAuthStore((s) => s.status?.user);
  if (!user) return null;
  return (
    <div className="user-menu">
      <span>
        {user.name} <span className="muted-light">({t(`role.${user.role}`)})</span>
      </span>
      <button type="button" onClick={() => void useAuthStore.getState().lock()}>
        {t('auth.lock')}
      </button>
      <button type="button" onClick={() => void useAuthStore.getState().logout()}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}
