import type { MessageBundle } from '../types';

/** The start page. */
export const overview = {
  sv: {
    'overview.referrals': 'Öppna anmälningar',
    'overview.overTarget': 'Över ledtidsmålet',
    'overview.comingMeetings': 'Kommande MDK',
    'overview.noMeetings': 'Inga planerade möten. Mötesserier läggs upp i MDK-kalendern.',
    'overview.cases': '{count} av {capacity} fall',
    'overview.locked': 'låst',
    'overview.carePlans': 'Vårdplaner',
    'overview.pendingHandovers': 'Överlämningar som väntar på bekräftelse',
  },
  en: {
    'overview.referrals': 'Open referrals',
    'overview.overTarget': 'Past the lead-time target',
    'overview.comingMeetings': 'Coming MDKs',
    'overview.noMeetings': 'No planned meetings. Conference series are set up in the MDK calendar.',
    'overview.cases': '{count} of {capacity} {capacity#case|cases}',
    'overview.locked': 'locked',
    'overview.carePlans': 'Care plans',
    'overview.pendingHandovers': 'Handovers awaiting confirmation',
  },
} satisfies MessageBundle;
