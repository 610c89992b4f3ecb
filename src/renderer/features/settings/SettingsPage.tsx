import { useState, type ComponentType } from 'react';
import { useT } from '../../i18n/useT';
import { Page } from '../../ui/Page';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { WorkplaceForm } from './WorkplaceForm';
import { UnitsSettings } from './UnitsSettings';
import { CareAreasSettings } from './CareAreasSettings';
import type { MethodName } from '../../../shared/api';
import { useAuthStore } from '../security/authStore';
import { canCall } from '../security/useCan';
import { SharedSettingsNote } from './SharedSettingsNote';
import { UsersSettings } from '../security/UsersSettings';
import { AccessLogSettings } from '../security/AccessLogSettings';
import { SecuritySettings } from '../security/SecuritySettings';
import { TemplatesSettings as CarePlanTemplatesSettings } from '../care-plans/TemplatesSettings';
import { BackupSettings } from '../backup/BackupSettings';
import { FormsSettings } from '../referrals/FormsSettings';
import { RulesSettings } from '../referrals/RulesSettings';
import { TreatmentOptionsSettings } from '../case-lists/TreatmentOptionsSettings';
import { FollowThroughSettings } from '../follow-through/FollowThroughSettings';
import { ChecklistSettings } from '../checklist/ChecklistSettings';
import { ConnectionSettings } from '../first-run/ConnectionSettings';
import type { MessageKey } from '../../../shared/i18n';

function WorkplaceSettings() {
  const t = useT();
  const [saved, setSaved] = useState(false);
  return (
    <div className="settings-section">
      <div className="field">
        <span className="field-label">{t('settings.language')}</span>
        <LanguageSwitch />
      </div>
      <WorkplaceForm submitLabel={t('common.save')} onSaved={() => setSaved(true)} />
      {saved && <p className="banner banner-ok">{t('common.saved')}</p>}
    </div>
  );
}

export interface SettingsSection {
  id: string;
  titleKey: MessageKey;
  View: ComponentType;
  method?: MethodName;
  /** Shapes everyone's documents and lists: a hidden tab is named, with who may change it. */
  shared?: true;
}

/**
 * Settings tabs; features add their own (completeness rules, lead-time targets, templates …).
 * `method`: the tab shows only to roles that may call it (the router refuses the rest anyway).
 */
export const settingsSections: SettingsSection[] = [
  { id: 'workplace', titleKey: 'settings.workplace', View: WorkplaceSettings, method: 'workplace.set' },
  { id: 'units', titleKey: 'settings.units', View: UnitsSettings, method: 'reference.saveUnit', shared: true },
  { id: 'care-areas', titleKey: 'settings.careAreas', View: CareAreasSettings, method: 'reference.saveCareArea', shared: true },
  { id: 'users', titleKey: 'settings.users', View: UsersSettings, method: 'users.list' },
  { id: 'access-log', titleKey: 'settings.accessLog', View: AccessLogSettings, method: 'accessLog.list' },
  { id: 'security', titleKey: 'settings.security', View: SecuritySettings },
  { id: 'referral-rules', titleKey: 'settings.referralRules', View: RulesSettings, method: 'referralRules.save', shared: true },
  { id: 'referral-forms', titleKey: 'forms.tab', View: FormsSettings, method: 'referralForms.pdf' },
  { id: 'treatment-options', titleKey: 'treatments.tab', View: TreatmentOptionsSettings, method: 'caseLists.saveTreatmentOptions', shared: true },
  { id: 'care-plan-templates', titleKey: 'carePlan.templates', View: CarePlanTemplatesSettings, method: 'carePlans.saveTemplate', shared: true },
  { id: 'backups', titleKey: 'settings.backups', View: BackupSettings, method: 'backup.list' },
  { id: 'follow-through', titleKey: 'followThrough.settings', View: FollowThroughSettings, method: 'followThrough.saveSettings' },
  { id: 'checklist', titleKey: 'checklist.settings', View: ChecklistSettings, method: 'checklist.saveRules', shared: true },
  // This computer's connection (standalone or the unit's server): the administrators', as user accounts are.
  { id: 'connection', titleKey: 'connection.settingsTitle', View: ConnectionSettings, method: 'users.list' },
];

export function SettingsPage({ segments }: { segments: string[] }) {
  const t = useT();
  const role = useAuthStore((s) => s.status?.user?.role);
  const sections = settingsSections.filter((s) => !s.method || canCall(role, s.method));
  const active = sections.find((s) => s.id === segments[1]) ?? sections[0];
  return (
    <Page title={t('settings.title')}>
      <nav className="tabs" aria-label={t('settings.title')}>
        {sections.map((s) => (
          <a key={s.id} href={`#/settings/${s.id}`} aria-current={s.id === active.id ? 'page' : undefined}>
            {t(s.titleKey)}
          </a>
        ))}
      </nav>
      <SharedSettingsNote hidden={settingsSections.filter((s) => s.shared && s.method && !canCall(role, s.method))} />
      <active.View />
    </Page>
  );
}
