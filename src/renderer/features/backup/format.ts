import type { Lang } from '../../../shared/i18n';

/** Backup times are UTC instants; staff read them in Swedish time whatever the computer's zone. */
export function formatTakenAt(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { timeZone: 'Europe/Stockholm', dateStyle: 'medium', timeStyle: 'short' });
}

export function formatSize(bytes: number, lang: Lang): string {
  const mb = bytes / (1024 * 1024);
  return `${mb.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: mb < 10 ? 1 : 0 })} MB`;
}
