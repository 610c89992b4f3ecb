import { useState } from 'react';
import type { BackupEntry, BackupOverview } from '../../../shared/api/methods/backup';
import { api } from '../../lib/api';
import { useApiData } from '../../lib/useApiData';
import { useAppStore } from '../../app/store';
import { useT } from '../../i18n/useT';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field, useFieldErrors } from '../../ui/Field';
import { formatSize, formatTakenAt } from './format';

/** Settings › Säkerhetskopior (administrators): the folder, back up now, the list, restore one. */
export function BackupSettings() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const refreshApp = useAppStore((s) => s.refresh);
  const { data: overview, error: loadError, reload: load } = useApiData(() => api.call('backup.list', {}), []);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<BackupEntry | null>(null);

  async function run(action: () => Promise<string>) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await action());
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const backUpNow = () => run(async () => t('backup.created', { name: (await api.call('backup.create', {})).name }));
  const restore = (entry: BackupEntry) =>
    run(async () => {
      setConfirming(null);
      const result = await api.call('backup.restore', { name: entry.name });
      await refreshApp();
      return t('backup.restored', { name: formatTakenAt(entry.takenAt), aside: result.setAsideAs });
    });

  return (
    <div className="settings-section">
      <p>{t('backup.intro')}</p>
      {overview && (
        <FolderForm
          overview={overview}
          onSaved={(msg) => {
            setNotice(msg);
            void load();
          }}
        />
      )}
      {overview && !overview.folderReachable && <p className="banner banner-warn">{t('backup.folderNotReachable', { folder: overview.folder })}</p>}
      <ErrorBanner error={error ?? loadError} />
      {notice && (
        <p className="banner banner-ok" role="status">
          {notice}
        </p>
      )}
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => void backUpNow()} disabled={busy || !overview}>
          {busy ? t('backup.working') : t('backup.now')}
        </button>
      </div>
      {confirming && (
        <div className="card" role="alertdialog" aria-labelledby="restore-confirm-text">
          <p id="restore-confirm-text">{t('backup.restoreConfirm', { takenAt: formatTakenAt(confirming.takenAt) })}</p>
          <div className="toolbar">
            <button type="button" className="danger" onClick={() => void restore(confirming)} disabled={busy}>
              {t('backup.confirmRestore')}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              {t('backup.cancel')}
            </button>
          </div>
        </div>
      )}
      <h2>{t('backup.list')}</h2>
      {overview && overview.backups.length === 0 && <p>{t('backup.none')}</p>}
      {overview && overview.backups.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('backup.takenAt')}</th>
              <th>{t('backup.kind')}</th>
              <th>{t('backup.size')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {overview.backups.map((b) => (
              <tr key={b.name}>
                <td title={b.name}>{formatTakenAt(b.takenAt)}</td>
                <td>{t(`backup.kind.${b.kind}`)}</td>
                <td>{formatSize(b.sizeBytes, lang)}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => setConfirming(b)}
                    aria-label={`${t('backup.restore')} ${formatTakenAt(b.takenAt)} (${t(`backup.kind.${b.kind}`)})`}
                  >
                    {t('backup.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function FolderForm({ overview, onSaved }: { overview: BackupOverview; onSaved: (message: string) => void }) {
  const t = useT();
  const [folder, setFolder] = useState(overview.folder);
  const [error, setError] = useState<unknown>(null);
  const fe = useFieldErrors(error);

  async function save(value: string | null) {
    try {
      const saved = await api.call('backup.setFolder', { folder: value });
      setFolder(saved.folder);
      setError(null);
      onSaved(t('backup.folderSaved'));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <form
      className="card form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        void save(folder);
      }}
    >
      <Field label={t('backup.folder')} error={fe('folder')} hint={t('backup.folderHint')} wide>
        <input value={folder} onChange={(e) => setFolder(e.target.value)} spellCheck={false} />
      </Field>
      <div className="form-actions toolbar">
        <button type="submit">{t('backup.saveFolder')}</button>
        {overview.folder !== overview.defaultFolder && (
          <button type="button" className="link" onClick={() => void save(null)}>
            {t('backup.useDefaultFolder')}
          </button>
        )}
      </div>
    </form>
  );
}
