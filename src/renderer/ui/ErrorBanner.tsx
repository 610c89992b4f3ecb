import { ApiError } from '../../shared/api/errors';
import { translate } from '../../shared/i18n';
import { useAppStore } from '../app/store';
import { useDescribeError } from '../i18n/useT';

/** The last failed call in the user's language: a summary above the form, issues listed (as GOV.UK's error summary). */
export function ErrorBanner({ error }: { error: unknown }) {
  const lang = useAppStore((s) => s.lang);
  const describe = useDescribeError();
  if (!error) return null;
  if (!(error instanceof ApiError) || !error.issues?.length) {
    return (
      <div className="banner banner-error" role="alert">
        {describe(error)}
      </div>
    );
  }
  return (
    <div className="banner banner-error" role="alert">
      <strong>{translate(lang, error.messageKey, error.params)}</strong>
      <ul className="issue-list">
        {error.issues.map((i, n) => (
          <li key={n}>{translate(lang, i.messageKey, i.params)}</li>
        ))}
      </ul>
    </div>
  );
}
