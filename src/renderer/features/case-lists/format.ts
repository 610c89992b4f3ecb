import { stockholmClock } from '../../../shared/domain/agenda';

/** "2026-11-20 08:06" in Swedish time, for instants shown to the user. */
export { formatInstant as stockholmDateTime } from '../referrals/labels';

export { stockholmClock };
