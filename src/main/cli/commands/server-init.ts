import type { CliCommand } from '../command';
import { readCredentials } from '../credentials';
import { ApiError } from '../../../shared/api/errors';
import { describeError } from '../../../shared/i18n/describe-error';
import { loadServerConfig } from '../../server/config';
import { initServerKey } from '../../server/server-key';
import { loadTlsIdentity } from '../../server/tls';

/**
 * `mdk server-init`: prepares a data folder for the unit server. Creates the first administrator when
 * there is none (the server never lets a network caller do that), writes the server key file (0600)
 * that lets the service open the database unattended, and the TLS certificate when none is configured.
 */
export const serverInitCommand: CliCommand = {
  name: 'server-init',
  usage: 'mdk server-init --user NAMN [--name "FULLSTÄNDIGT NAMN"] [--no-server-key]',
  summary: 'Förbereder enhetsservern: första administratören, servernyckel (0600) och certifikat',
  options: { name: { type: 'string' }, 'no-server-key': { type: 'boolean' } },
  signIn: false,
  async run(ctx, { values }) {
    const credentials = await readCredentials(values.user as string | undefined);
    if (!credentials) {
      ctx.err('Ange --user (eller MDK_USER) och lösenfrasen i MDK_PASSPHRASE / give --user and MDK_PASSPHRASE');
      return 2;
    }
    const session = ctx.core.newSession();
    const security = ctx.core.security;
    if (security.listUsersUnchecked().length === 0) {
      const { recoveryKey } = await security.setup(session, {
        name: (values.name as string | undefined) ?? credentials.userName,
        userName: credentials.userName,
        passphrase: credentials.passphrase,
      });
      ctx.out(`Administratören ${credentials.userName} skapades.`);
      ctx.out(`Återställningsnyckel (skriv ut och förvara säkert; visas bara nu): ${recoveryKey}`);
    } else {
      const signedIn = await ctx.core.router('auth.login', credentials, session);
      if (!signedIn.ok) {
        ctx.err(describeError(ctx.lang, ApiError.from(signedIn.error)));
        return 2;
      }
      if (security.status(session).user?.role !== 'administrator') {
        ctx.err('Endast en administratör kan förbereda servern / only an administrator can prepare the server');
        return 2;
      }
    }
    const config = loadServerConfig(ctx.core.dataDir);
    if (!values['no-server-key']) {
      initServerKey(ctx.core.dataDir, config.serverKeyFile, security.key!);
      ctx.out(`Servernyckel: ${config.serverKeyFile} (endast läsbar för tjänstekontot; ingår inte i säkerhetskopior)`);
    }
    const tls = await loadTlsIdentity(ctx.core.dataDir, config.tls);
    ctx.out(`Certifikatets SHA-256-fingeravtryck: ${tls.fingerprint}${tls.selfSigned ? ' (självsignerat)' : ''}`);
    ctx.out(`Starta med: mdk serve --data "${ctx.core.dataDir}"  (port ${config.port})`);
    return 0;
  },
};
