import { useT } from '../i18n/useT';
import { pickFolder } from '../lib/shell';
import { Field } from './Field';

/**
 * Where an export goes. The desktop app asks for a folder in the system's own dialog (never a typed
 * path or a default beside the database); in a browser the files are downloaded instead. Either way
 * the user is told that an exported file is no longer protected by the app.
 */
export function ExportFolderField({ label, value, onPick, error }: { label: string; value: string; onPick(dir: string): void; error?: string | null }) {
  const t = useT();
  return (
    <>
      <p className="banner banner-warn field-wide">{t('export.unprotected')}</p>
      {pickFolder ? (
        <div className="field-wide export-folder">
          <Field label={label} error={error} hint={value ? undefined : t('export.noFolderYet')} wide>
            <input value={value} readOnly />
          </Field>
          <button type="button" onClick={() => void pickFolder!().then((dir) => dir && onPick(dir))}>
            {t('export.pickFolder')}
          </button>
        </div>
      ) : (
        <p className="field-wide muted">{t('export.asDownload')}</p>
      )}
    </>
  );
}

/** True where exports are downloads (browser mode: there is no folder dialog). */
export const exportsDownload = pickFolder === null;
