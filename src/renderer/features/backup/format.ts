import type { Lang } from '../../../shared/i18n';
import { formatInstant } from '../referrals/labels';

/** Backup times are UTC instants; staff read them in Swedish time and form (ÅÅÅÅ-MM-DD HH:MM) whatever the computer's zone and language. */
export function formatTakenAt(iso: string): string {
  return formatInstant(iso);
}

export function formatSize(bytes: number, lang: Lang): string {
  const mb = bytes / (1024 * 1024);
  return `${mb.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: mb < 10 ? 1 : 0 })} MB`;
}
