import { ApiError } from '../../../shared/api/errors';
import type { MessageKey } from '../../../shared/i18n';
import { useT } from '../../i18n/useT';

/** A save refused because someone else saved the same record first (team mode; row-version.ts). */
export const isVersionConflict = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.code === 'conflict' && error.messageKey.startsWith('team.changed.');

/**
 * Beside a form whose save was refused as a version conflict (the message itself, naming who and when,
 * is the form's error banner): a button that loads the newer version as the save's base while the form
 * keeps the user's text, then a note to compare and save again.
 */
export function VersionConflict({
  error,
  reloaded,
  onReload,
  reloadedKey = 'team.reloadedAny',
}: {
  error: unknown;
  reloaded: boolean;
  onReload(): void;
  reloadedKey?: MessageKey;
}) {
  const t = useT();
  if (isVersionConflict(error))
    return (
      <p>
        <button type="button" onClick={onReload}>
          {t('team.reloadLatest')}
        </button>
      </p>
    );
  if (!reloaded || error) return null;
  return (
    <div className="banner banner-warn" role="status">
      {t(reloadedKey)}
    </div>
  );
}
