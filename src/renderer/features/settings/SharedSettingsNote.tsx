import { api } from '../../../shared/api';
import { ROLES } from '../../../shared/api/contract';
import { useT } from '../../i18n/useT';
import type { SettingsSection } from './SettingsPage';

/**
 * Says why shared settings are not offered to this role: they change everyone's documents, and who
 * may change them (the contract's roles of the section's method), one line per group of roles.
 */
export function SharedSettingsNote({ hidden }: { hidden: SettingsSection[] }) {
  const t = useT();
  if (hidden.length === 0) return null;
  const byRoles = new Map<string, string[]>();
  for (const section of hidden) {
    const roles = api[section.method!].roles;
    const names = (roles === 'any' ? ROLES : roles).map((r) => t(`role.${r}`).toLocaleLowerCase());
    const who = names.length > 1 ? `${names.slice(0, -1).join(', ')} ${t('settings.or')} ${names.at(-1)}` : names[0];
    byRoles.set(who, [...(byRoles.get(who) ?? []), t(section.titleKey)]);
  }
  return (
    <div className="banner" role="note" aria-label={t('settings.sharedTitle')}>
      {[...byRoles].map(([who, sections]) => (
        <p key={who}>{t('settings.sharedOnly', { sections: sections.join(', '), roles: who })}</p>
      ))}
    </div>
  );
}
