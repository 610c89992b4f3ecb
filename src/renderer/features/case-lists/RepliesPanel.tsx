import { useState } from 'react';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { useFieldErrors } from '../../ui/Field';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { ExportFolderField, exportsDownload } from '../../ui/ExportFolderField';
import { downloadFiles } from '../../lib/files';

/** All MDK replies of a finalised meeting, in one step: into a folder the user picks, or (browser mode) as one download. */
export function RepliesPanel({ meetingId }: { meetingId: number }) {
  const t = useT();
  const [dir, setDir] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ dir: string | null; files: string[] } | null>(null);
  const fe = useFieldErrors(error);
  async function exportAll(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(null);
    try {
      const result = await api.call('caseLists.exportReplies', { meetingId, dir: exportsDownload ? null : dir || null, download: exportsDownload });
      if (result.downloads?.length) downloadFiles(result.downloads, `mdk-svar-${meetingId}.zip`);
      setDone(result);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="card" aria-labelledby="replies-heading">
      <h2 id="replies-heading">{t('reply.title')}</h2>
      <ErrorBanner error={error} />
      <form className="inline-form" onSubmit={exportAll}>
        <ExportFolderField label={t('reply.dir')} value={dir} onPick={setDir} error={fe('dir')} />
        <button type="submit" className="primary">
          {exportsDownload ? t('reply.downloadAll') : t('reply.exportAll')}
        </button>
      </form>
      {done && (
        <div className="banner banner-ok" role="status">
          {done.dir === null ? t('reply.downloaded', { count: done.files.length }) : t('reply.exported', { count: done.files.length, dir: done.dir })}
          <ul className="plain-list">
            {done.files.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
