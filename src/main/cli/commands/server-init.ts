import type { CliCommand } from '../command';
import { EXIT } from '../errors';
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
  usage: 'mdk server-init --user NAME [--name "FULL NAME"] [--no-server-key]',
  summary: 'cli.summary.server-init',
  options: { name: { type: 'string' }, 'no-server-key': { type: 'boolean' } },
  signIn: false,
  async run(ctx, { values }) {
    const credentials = await readCredentials(ctx.userName, process.env, Boolean(process.stdin.isTTY), ctx.lang);
    if (!credentials) {
      ctx.err(ctx.t('server.init.needsCredentials'));
      return EXIT.usage;
    }
    const session = ctx.core.newSession();
    const security = ctx.core.security;
    if (security.listUsersUnchecked().length === 0) {
      const { recoveryKey } = await security.setup(session, {
        name: (values.name as string | undefined) ?? credentials.userName,
        userName: credentials.userName,
        passphrase: credentials.passphrase,
      });
      ctx.out(ctx.t('server.init.adminCreated', { user: credentials.userName }));
      ctx.out(ctx.t('server.init.recoveryKey', { key: recoveryKey }));
    } else {
      const signedIn = await ctx.core.router('auth.login', credentials, session);
      if (!signedIn.ok) {
        ctx.err(describeError(ctx.lang, ApiError.from(signedIn.error)));
        return EXIT.usage;
      }
      if (security.status(session).user?.role !== 'administrator') {
        ctx.err(ctx.t('server.init.adminOnly'));
        return EXIT.problems;
      }
    }
    const config = loadServerConfig(ctx.core.dataDir);
    if (!values['no-server-key']) {
      initServerKey(ctx.core.dataDir, config.serverKeyFile, security.key!);
      ctx.out(ctx.t('server.init.serverKey', { file: config.serverKeyFile }));
    }
    const tls = await loadTlsIdentity(ctx.core.dataDir, config.tls);
    ctx.out(ctx.t(tls.selfSigned ? 'server.init.fingerprintSelfSigned' : 'server.init.fingerprint', { fingerprint: tls.fingerprint }));
    ctx.out(ctx.t('server.init.start', { dataDir: ctx.core.dataDir, port: config.port }));
    return EXIT.done;
  },
};
