import type { MessageBundle } from '../types';

/** Team mode (enhetsserver): conflicts between two people's saves, and the connection to the server. */
export const team = {
  sv: {
    'team.changed.referral':
      'Remissen ändrades av {who} {when} medan du redigerade den. Inget av ditt har sparats, men din text finns kvar i formuläret. Läs in den nya versionen, jämför och spara igen.',
    'team.reloadLatest': 'Läs in den nya versionen (din text behålls)',
    'team.reloaded': 'Den nya versionen är inläst. Formuläret visar fortfarande din text: kontrollera mot remissen och spara igen.',
    'team.offline': 'Servern går inte att nå. Det du skrivit finns kvar; programmet försöker igen av sig självt.',
    'team.backOnline': 'Kontakten med servern är tillbaka.',
  },
  en: {
    'team.changed.referral':
      'The referral was changed by {who} at {when} while you were editing it. Nothing of yours was saved, but your text is still in the form. Load the new version, compare and save again.',
    'team.reloadLatest': 'Load the new version (your text is kept)',
    'team.reloaded': 'The new version is loaded. The form still shows your text: check it against the referral and save again.',
    'team.offline': 'The server cannot be reached. What you typed is kept; the app keeps retrying by itself.',
    'team.backOnline': 'The connection to the server is back.',
  },
} satisfies MessageBundle;
