import { stockholmClock } from '../../../shared/domain/agenda';

/** "2026-11-20 08:06" in Swedish time, for instants shown to the user. */
export function stockholmDateTime(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

export { stockholmClock };
