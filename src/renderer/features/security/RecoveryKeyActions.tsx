import { useState } from 'react';
import { useT } from '../../i18n/useT';

/** The key on its own sheet, for the system print dialog (a frame, so the app itself is not printed). */
function printKey(title: string, intro: string, recoveryKey: string): void {
  const frame = document.createElement('iframe');
  frame.className = 'recovery-print-frame';
  frame.setAttribute('aria-hidden', 'true');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  const doc = document.implementation.createHTMLDocument(title);
  doc.documentElement.lang = document.documentElement.lang || 'sv';
  const h1 = doc.createElement('h1');
  h1.textContent = title;
  const p = doc.createElement('p');
  p.textContent = intro;
  const key = doc.createElement('pre');
  key.textContent = recoveryKey;
  key.style.fontSize = '20pt';
  doc.body.append(h1, p, key);
  frame.srcdoc = '<!doctype html>' + doc.documentElement.outerHTML;
  frame.onload = () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 60_000);
  };
  document.body.appendChild(frame);
}

/** Copies through the clipboard API, or by selecting the text where that is not permitted. */
async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

/** "Skriv ut" and "Kopiera" beside the recovery key: the screen asks the user to print it, so it offers to. */
export function RecoveryKeyActions({ recoveryKey }: { recoveryKey: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div className="form-actions">
      <button type="button" onClick={() => printKey(t('auth.recoveryTitle'), t('auth.recoveryIntro'), recoveryKey)}>
        {t('auth.recoveryPrint')}
      </button>
      <button
        type="button"
        onClick={() =>
          void copyText(recoveryKey).then(() => {
            setCopied(true);
          })
        }
      >
        {t('auth.recoveryCopy')}
      </button>
      <span role="status" className={copied ? 'muted' : 'visually-hidden'}>
        {copied ? t('auth.recoveryCopied') : ''}
      </span>
    </div>
  );
}
