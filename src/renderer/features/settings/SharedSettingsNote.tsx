import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { whoMayCall } from '../security/useCan';
import type { SettingsSection } from './SettingsPage';

/**
 * Says why shared settings are not offered to this role: they change everyone's documents, and who
 * may change them (the contract's roles of the section's method), one line per group of roles.
 */
export function SharedSettingsNote({ hidden }: { hidden: SettingsSection[] }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  if (hidden.length === 0) return null;
  const byRoles = new Map<string, string[]>();
  for (const section of hidden) {
    const who = whoMayCall(lang, section.method!);
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
