import { useState, type ComponentType } from 'react';
import { useT } from '../../i18n/useT';
import { Page } from '../../ui/Page';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { WorkplaceForm } from './WorkplaceForm';
import { UnitsSettings } from './UnitsSettings';
import { CareAreasSettings } from './CareAreasSettings';
import { TemplatesSettings as CarePlanTemplatesSettings } from '../care-plans/TemplatesSettings';
import { BackupSettings } from '../backup/BackupSettings';
import { RulesSettings } from '../referrals/RulesSettings';
import { TreatmentOptionsSettings } from '../case-lists/TreatmentOptionsSettings';

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

/** Settings tabs; features add their own (completeness rules, lead-time targets, templates …). */
export const settingsSections: { id: string; titleKey: string; View: ComponentType }[] = [
  { id: 'workplace', titleKey: 'settings.workplace', View: WorkplaceSettings },
  { id: 'units', titleKey: 'settings.units', View: UnitsSettings },
  { id: 'care-areas', titleKey: 'settings.careAreas', View: CareAreasSettings },
  { id: 'referral-rules', titleKey: 'settings.referralRules', View: RulesSettings },
  { id: 'treatment-options', titleKey: 'treatments.tab', View: TreatmentOptionsSettings },
  { id: 'care-plan-templates', titleKey: 'carePlan.templates', View: CarePlanTemplatesSettings },
  { id: 'backups', titleKey: 'settings.backups', View: BackupSettings },
];

export function SettingsPage({ segments }: { segments: string[] }) {
  const t = useT();
  const active = settingsSections.find((s) => s.id === segments[1]) ?? settingsSections[0];
  return (
    <Page title={t('settings.title')}>
      <nav className="tabs" aria-label={t('settings.title')}>
        {settingsSections.map((s) => (
          <a key={s.id} href={`#/settings/${s.id}`} aria-current={s.id === active.id ? 'page' : undefined}>
            {t(s.titleKey)}
          </a>
        ))}
      </nav>
      <active.View />
    </Page>
  );
}
