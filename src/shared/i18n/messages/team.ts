import type { MessageBundle } from '../types';

/** Team mode (enhetsserver): conflicts between two people's saves, and the connection to the server. */
export const team = {
  sv: {
    'team.changed.referral':
      'Remissen ändrades av {who} {when} medan du redigerade den. Inget av ditt har sparats, men din text finns kvar i formuläret. Läs in den nya versionen, jämför och spara igen.',
    'team.changed.caseList':
      'Falllistan ändrades av {who} {when} medan du flyttade fall. Din ordning har inte sparats. Listan visar nu den nya ordningen; flytta igen om det behövs.',
    'team.changed.recommendation':
      'Rekommendationen ändrades av {who} {when} medan du skrev. Inget av ditt har sparats, men din text finns kvar i formuläret. Läs in den nya versionen, jämför och spara igen.',
    'team.changed.carePlan':
      'Vårdplanen ändrades av {who} {when} medan du redigerade den. Inget av ditt har sparats, men din text finns kvar i formuläret. Läs in den nya versionen, jämför och spara igen.',
    'team.reloadLatest': 'Läs in den nya versionen (din text behålls)',
    'team.reloaded': 'Den nya versionen är inläst. Formuläret visar fortfarande din text: kontrollera mot remissen och spara igen.',
    'team.reloadedAny': 'Den nya versionen är inläst. Formuläret visar fortfarande din text: jämför och spara igen.',
    'team.offline': 'Servern går inte att nå. Det du skrivit finns kvar; programmet försöker igen av sig självt.',
    'team.backOnline': 'Kontakten med servern är tillbaka.',
    'connection.title': 'Anslut till enhetens server',
    'connection.choiceLegend': 'Hur ska den här datorn arbeta?',
    'connection.mode.standalone': 'Fristående på den här datorn',
    'connection.mode.server': 'Anslut till enhetens server',
    'connection.intro':
      'Alla på enheten arbetar då i samma lista på servern. Ingen databas skapas på den här datorn. Administratören ger dig serverns adress och dess fingeravtryck (SHA-256).',
    'connection.address': 'Serverns adress',
    'connection.addressHint': 'Till exempel https://mdk.sjukhus.se:8443',
    'connection.fingerprint': 'Fingeravtryck (SHA-256) från administratören',
    'connection.fingerprintHint': 'Lämna tomt om servern har ett certifikat från sjukhusets CA.',
    'connection.checkButton': 'Kontrollera servern',
    'connection.connect': 'Anslut',
    'connection.serverFingerprint': 'Serverns fingeravtryck:',
    'connection.check.ok': 'Servern svarar och fingeravtrycket stämmer med det administratören gav.',
    'connection.check.okByCa': 'Servern svarar och dess certifikat är utfärdat av en betrodd CA.',
    'connection.check.mismatch':
      'Fingeravtrycket stämmer inte med det administratören gav. Anslut inte: kontakta administratören.',
    'connection.check.untrusted': 'Serverns certifikat är inte utfärdat av någon betrodd CA. Ange fingeravtrycket från administratören.',
    'connection.check.unreachable': 'Servern går inte att nå på den adressen.',
    'connection.check.invalidAddress': 'Ange en adress som börjar med https://, utan sökväg.',
    'connection.check.invalidFingerprint': 'Fingeravtrycket ska vara 64 hexadecimala tecken (AA:BB:…).',
    'connection.settingsTitle': 'Anslutning',
    'connection.currentServer': 'Den här datorn är ansluten till {url} (fingeravtryck {fingerprint}).',
    'connection.byCa': 'kontrolleras av sjukhusets CA',
    'connection.currentStandalone': 'Den här datorn arbetar fristående, med sin egen databas.',
    'connection.changeServer': 'Byt server',
    'connection.backToStandalone': 'Arbeta fristående på den här datorn',
    'connection.restarting': 'Valet är sparat. Programmet startar om.',
    'connection.noShell': 'Den här webbläsaren är ansluten till enhetens server. Anslutningen väljs i skrivbordsprogrammet.',
    'connection.unavailable': 'Anslutningen kan inte väljas här.',
  },
  en: {
    'team.changed.referral':
      'The referral was changed by {who} at {when} while you were editing it. Nothing of yours was saved, but your text is still in the form. Load the new version, compare and save again.',
    'team.changed.caseList':
      'The case list was changed by {who} at {when} while you were moving cases. Your order was not saved. The list now shows the new order; move again if needed.',
    'team.changed.recommendation':
      'The recommendation was changed by {who} at {when} while you were writing. Nothing of yours was saved, but your text is still in the form. Load the new version, compare and save again.',
    'team.changed.carePlan':
      'The care plan was changed by {who} at {when} while you were editing it. Nothing of yours was saved, but your text is still in the form. Load the new version, compare and save again.',
    'team.reloadLatest': 'Load the new version (your text is kept)',
    'team.reloaded': 'The new version is loaded. The form still shows your text: check it against the referral and save again.',
    'team.reloadedAny': 'The new version is loaded. The form still shows your text: compare and save again.',
    'team.offline': 'The server cannot be reached. What you typed is kept; the app keeps retrying by itself.',
    'team.backOnline': 'The connection to the server is back.',
    'connection.title': "Connect to the unit's server",
    'connection.choiceLegend': 'How should this computer work?',
    'connection.mode.standalone': 'Standalone on this computer',
    'connection.mode.server': "Connect to the unit's server",
    'connection.intro':
      "Everyone at the unit then works in the same list on the server. No database is created on this computer. The administrator gives you the server's address and its fingerprint (SHA-256).",
    'connection.address': "Server's address",
    'connection.addressHint': 'For example https://mdk.sjukhus.se:8443',
    'connection.fingerprint': 'Fingerprint (SHA-256) from the administrator',
    'connection.fingerprintHint': "Leave empty if the server has a certificate from the hospital's CA.",
    'connection.checkButton': 'Check the server',
    'connection.connect': 'Connect',
    'connection.serverFingerprint': "The server's fingerprint:",
    'connection.check.ok': 'The server answers and its fingerprint matches the one the administrator gave.',
    'connection.check.okByCa': 'The server answers and its certificate is issued by a trusted CA.',
    'connection.check.mismatch': 'The fingerprint does not match the one the administrator gave. Do not connect: contact the administrator.',
    'connection.check.untrusted': "The server's certificate is not issued by a trusted CA. Enter the fingerprint from the administrator.",
    'connection.check.unreachable': 'The server cannot be reached at that address.',
    'connection.check.invalidAddress': 'Enter an address starting with https://, without a path.',
    'connection.check.invalidFingerprint': 'The fingerprint must be 64 hexadecimal characters (AA:BB:…).',
    'connection.settingsTitle': 'Connection',
    'connection.currentServer': 'This computer is connected to {url} (fingerprint {fingerprint}).',
    'connection.byCa': "checked by the hospital's CA",
    'connection.currentStandalone': 'This computer works standalone, with its own database.',
    'connection.changeServer': 'Change server',
    'connection.backToStandalone': 'Work standalone on this computer',
    'connection.restarting': 'The choice is saved. The app restarts.',
    'connection.noShell': "This browser is connected to the unit's server. The connection is chosen in the desktop app.",
    'connection.unavailable': 'The connection cannot be chosen here.',
  },
} satisfies MessageBundle;
