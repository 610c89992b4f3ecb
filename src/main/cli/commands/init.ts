import type { CliCommand } from '../command';
import { readNewPassphrase } from '../credentials';
import { EXIT } from '../errors';

/**
 * `mdk init --name NAME --user USERNAME`: the first start without a browser, for managed installs.
 * It calls `auth.setup`, the method the app's first-run screen calls, so the administrator, the
 * database key and the recovery key are made by the same code. The recovery key goes to standard
 * output alone on its line, once; what it is goes to standard error.
 */
export const initCommand: CliCommand = {
  name: 'init',
  usage: 'mdk init --name NAME --user USERNAME   (MDK_PASSPHRASE)',
  summary: 'cli.summary.init',
  options: { name: { type: 'string' } },
  signIn: false,
  async run(ctx, { values }) {
    const name = typeof values.name === 'string' ? values.name : '';
    if (!name.trim() || !ctx.userName) {
      ctx.err(ctx.t('cli.init.needName'));
      ctx.err(ctx.t('cli.usageLine', { usage: this.usage }));
      return EXIT.usage;
    }
    const passphrase = await readNewPassphrase(ctx.userName, ctx.lang);
    if (!passphrase) {
      ctx.err(ctx.t('cli.init.needPassphrase'));
      return EXIT.usage;
    }
    const { user, recoveryKey } = await ctx.call('auth.setup', { name, userName: ctx.userName, ...passphrase });
    ctx.err(ctx.t('cli.init.created', { userName: user.userName, folder: ctx.core.dataDir }));
    ctx.err(ctx.t('cli.init.recoveryKey'));
    ctx.out(recoveryKey);
    return EXIT.done;
  },
};
