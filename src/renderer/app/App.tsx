import { useEffect } from 'react';
import { useAppStore } from './store';
import { pathSegments, usePath } from './router';
import { useT } from '../i18n/useT';
import { features } from '../features/registry';
import { FirstRun } from '../features/first-run/FirstRun';
import { ErrorBanner } from '../ui/ErrorBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from '../features/security/UserMenu';
import { JobsIndicator } from '../features/jobs/JobsIndicator';
import { RecoveryScreen } from '../features/backup/RecoveryScreen';
import { ApiError } from '../../shared/api/errors';
import { DAMAGED_EVENT } from '../lib/api';

export function App() {
  const t = useT();
  const info = useAppStore((s) => s.info);
  const reference = useAppStore((s) => s.reference);
  const loadError = useAppStore((s) => s.loadError);
  const refresh = useAppStore((s) => s.refresh);
  const path = usePath();

  useEffect(() => {
    void refresh();
  }, [refresh]);
  // Damage found after the window opened (the check after sign-in, or any call): the recovery screen.
  useEffect(() => {
    const damaged = () => useAppStore.setState({ loadError: new ApiError('database_damaged', 'error.databaseDamaged') });
    window.addEventListener(DAMAGED_EVENT, damaged);
    return () => window.removeEventListener(DAMAGED_EVENT, damaged);
  }, []);

  if (loadError instanceof ApiError && loadError.code === 'database_damaged') return <RecoveryScreen />;
  if (loadError)
    return (
      <main className="first-run">
        <ErrorBanner error={loadError} />
      </main>
    );
  if (!info || !reference)
    return (
      <main className="first-run" aria-busy="true">
        {t('common.loading')}
      </main>
    );
  if (!info.workplace) return <FirstRun />;

  const segments = pathSegments(path);
  const active = features.find((f) => f.id === segments[0]) ?? features[0];
  const unit = reference.units.find((u) => u.id === info.workplace?.unitId);

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        {info.demo && (
          <span className="demo-badge" title="DEMO">
            {t('app.demo')}
          </span>
        )}
        <span className="topbar-unit">{unit?.name}</span>
        <JobsIndicator />
        <LanguageSwitch />
        <UserMenu />
      </header>
      <nav className="sidenav" aria-label="Navigering">
        {features.map((f) => (
          <a key={f.id} href={`#/${f.id}`} aria-current={f.id === active.id ? 'page' : undefined}>
            {t(f.navKey)}
          </a>
        ))}
      </nav>
      <main className="content">
        <active.View segments={segments} />
      </main>
    </div>
  );
}
