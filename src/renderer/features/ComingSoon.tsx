import { useT } from '../i18n/useT';
import { Page } from '../ui/Page';

/** Navigation target for an area whose issue has not landed yet; says so plainly. */
export function comingSoon(titleKey: string) {
  return function ComingSoon() {
    const t = useT();
    return (
      <Page title={t(titleKey)}>
        <p className="muted">{t('common.comingSoon')}</p>
      </Page>
    );
  };
}
