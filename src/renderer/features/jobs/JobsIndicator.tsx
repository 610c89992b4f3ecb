import { useEffect, useState } from 'react';
import type { JobProgress } from '../../../shared/api/methods/system';
import { api } from '../../lib/api';
import { useCallsInFlight } from '../../lib/calls-in-flight';
import { useT } from '../../i18n/useT';
import { hasMessage } from '../../../shared/i18n';

/** A call still unanswered after this long may be a long job: the window starts asking how far it has come. */
const ASK_AFTER_MS = 700;
const ASK_EVERY_MS = 500;

/**
 * The long jobs of this window running now (import, batch export, demo load, backup), with their
 * progress, in the header: asked from `system.jobs` only while one of the window's calls is unanswered.
 */
export function JobsIndicator() {
  const t = useT();
  const waiting = useCallsInFlight((s) => s.count > 0);
  const [jobs, setJobs] = useState<JobProgress[]>([]);

  useEffect(() => {
    if (!waiting) {
      setJobs([]);
      return;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const ask = async () => {
      const running = await api.call('system.jobs', {}).catch(() => []);
      if (stopped) return;
      setJobs(running);
      timer = setTimeout(() => void ask(), ASK_EVERY_MS);
    };
    timer = setTimeout(() => void ask(), ASK_AFTER_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [waiting]);

  if (!jobs.length) return null;
  return (
    <span className="jobs-indicator" aria-live="polite">
      {jobs.map((j) => {
        const label = hasMessage(`jobs.${j.method}`) ? t(`jobs.${j.method}`) : t('jobs.other');
        return (
          <span key={j.method} className="job">
            {t('jobs.progress', { label, done: j.done.toLocaleString(), total: j.total.toLocaleString() })}
            <progress max={j.total || 1} value={j.done} aria-label={label} />
          </span>
        );
      })}
    </span>
  );
}
