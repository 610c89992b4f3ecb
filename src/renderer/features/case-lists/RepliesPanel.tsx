import { useState } from 'react';
import { api } from '../../lib/api';
import { useT } from '../../i18n/useT';
import { Field, useFieldErrors } from '../../ui/Field';
import { ErrorBanner } from '../../ui/ErrorBanner';

/** All MDK replies of a finalised meeting written into a folder in one step. */
export function RepliesPanel({ meetingId }: { meetingId: number }) {
  const t = useT();
  const [dir, setDir] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ dir: string; files: string[] } | null>(null);
  const fe = useFieldErrors(error);
  async function exportAll(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(null);
    try {
      setDone(await api.call('caseLists.exportReplies', { meetingId, dir: dir.trim() || null }));
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="card" aria-labelledby="replies-heading">
      <h2 id="replies-heading">{t('reply.title')}</h2>
      <ErrorBanner error={error} />
      <p className="banner banner-warn">{t('export.unprotected')}</p>
      <form className="inline-form" onSubmit={exportAll}>
        <Field label={t('reply.dir')} error={fe('dir')} hint={t('reply.dirHint')} wide>
          <input value={dir} onChange={(e) => setDir(e.target.value)} />
        </Field>
        <button type="submit" className="primary">
          {t('reply.exportAll')}
        </button>
      </form>
      {done && (
        <div className="banner banner-ok" role="status">
          {t('reply.exported', { count: done.files.length, dir: done.dir })}
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
