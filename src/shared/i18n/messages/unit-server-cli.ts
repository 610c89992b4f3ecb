import type { MessageBundle } from '../types';

/** The unit server's command-line steps: `mdk serve` and `mdk server-init`. */
export const unitServerCli = {
  sv: {
    'cli.summary.serve': 'Kör enhetsservern (HTTPS) på nätverket; adress och port från mdk-server.json i datamappen',
    'cli.summary.server-init': 'Förbereder enhetsservern: första administratören, servernyckel (0600) och certifikat',
    'server.init.needsCredentials': 'Ange --user (eller MDK_USER) och lösenfrasen i MDK_PASSPHRASE.',
    'server.init.adminCreated': 'Administratören {user} skapades.',
    'server.init.recoveryKey': 'Återställningsnyckel (skriv ut och förvara säkert; visas bara nu): {key}',
    'server.init.adminOnly': 'Endast en administratör kan förbereda servern.',
    'server.init.serverKey': 'Servernyckel: {file} (endast läsbar för tjänstekontot; ingår inte i säkerhetskopior)',
    'server.init.fingerprint': 'Certifikatets SHA-256-fingeravtryck: {fingerprint}',
    'server.init.fingerprintSelfSigned': 'Certifikatets SHA-256-fingeravtryck: {fingerprint} (självsignerat)',
    'server.init.start': 'Starta med: mdk serve --data "{dataDir}"  (port {port})',
  },
  en: {
    'cli.summary.serve': 'Runs the unit server (HTTPS) on the network; address and port from mdk-server.json in the data folder',
    'cli.summary.server-init': 'Prepares the unit server: the first administrator, the server key (0600) and the certificate',
    'server.init.needsCredentials': 'Give --user (or MDK_USER) and the passphrase in MDK_PASSPHRASE.',
    'server.init.adminCreated': 'The administrator {user} was created.',
    'server.init.recoveryKey': 'Recovery key (print it and keep it safe; shown only now): {key}',
    'server.init.adminOnly': 'Only an administrator can prepare the server.',
    'server.init.serverKey': 'Server key: {file} (readable only by the service account; not in backups)',
    'server.init.fingerprint': "The certificate's SHA-256 fingerprint: {fingerprint}",
    'server.init.fingerprintSelfSigned': "The certificate's SHA-256 fingerprint: {fingerprint} (self-signed)",
    'server.init.start': 'Start with: mdk serve --data "{dataDir}"  (port {port})',
  },
} satisfies MessageBundle;
