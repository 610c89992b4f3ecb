import type { MessageBundle } from '../types';

/** Demo data: the first-run button and the refusals. */
export const demo = {
  sv: {
    'demo.load': 'Ladda demodata',
    'demo.loading': 'Laddar demodata …',
    'demo.intro': 'Vill du först prova programmet? Demodata är en påhittad nationell enhet med ett års möten, remisser och vårdplaner. Allt märks DEMO.',
    'demo.alreadyLoaded': 'Demodata är redan inläst.',
    'demo.loaded':
      'DEMO: {referrals} {referrals#remiss|remisser}, {meetings} {meetings#möte|möten}, {carePlans} {carePlans#vårdplan|vårdplaner}, {handovers} {handovers#överlämning|överlämningar}.',
    'demo.realDataPresent': 'Databasen innehåller redan {count} riktiga remisser. Demodata läses bara in i en tom databas.',
    'demo.workplaceReplaced': 'Arbetsplatsen {unit} har ersatts av den fiktiva demoenheten. Börja med en ny datamapp för att arbeta med riktiga uppgifter.',
  },
  en: {
    'demo.load': 'Load demo data',
    'demo.loading': 'Loading demo data …',
    'demo.intro':
      'Want to try the program first? Demo data is a made-up national unit with a year of meetings, referrals and care plans. Everything is marked DEMO.',
    'demo.alreadyLoaded': 'Demo data is already loaded.',
    'demo.loaded':
      'DEMO: {referrals} {referrals#referral|referrals}, {meetings} {meetings#meeting|meetings}, {carePlans} care {carePlans#plan|plans}, {handovers} {handovers#handover|handovers}.',
    'demo.realDataPresent': 'The database already holds {count} real referrals. Demo data is loaded only into an empty database.',
    'demo.workplaceReplaced': 'The workplace {unit} has been replaced by the fictional demo unit. Start with a new data folder to work with real data.',
  },
} satisfies MessageBundle;
