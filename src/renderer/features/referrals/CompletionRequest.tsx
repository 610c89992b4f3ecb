import { useState } from 'react';
import { useT } from '../../i18n/useT';

/** The ready-to-send Swedish completion request: copy to the clipboard or print on its own. */
export function CompletionRequest({ text }: { text: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);

  async function copy() {
    await navigator.clipboard.writeText(text);
    setCopied(true);
  }

  function print() {
    // Print CSS shows only the request while this class is on the body.
    document.body.classList.add('print-request');
    window.addEventListener('afterprint', () => document.body.classList.remove('print-request'), { once: true });
    window.print();
  }

  return (
    <section className="card completion-request" aria-label={t('referral.completionRequest')}>
      <h2>{t('referral.completionRequest')}</h2>
      <pre className="completion-text">{text}</pre>
      <div className="toolbar">
        <button type="button" onClick={copy}>
          {t('referral.copy')}
        </button>
        <button type="button" onClick={print}>
          {t('referral.print')}
        </button>
        {copied && <span role="status">{t('referral.copied')}</span>}
      </div>
    </section>
  );
}
