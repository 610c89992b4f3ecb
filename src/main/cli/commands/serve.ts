import type { CliCommand } from '../command';
import { runUnitServer, untilStopped } from '../../server/run';

/** `mdk serve`: the unit server (same as `npm run server`), until stopped (Ctrl-C, service stop). */
export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'mdk serve [--host ADDRESS] [--port N]',
  summary: 'cli.summary.serve',
  options: { host: { type: 'string' }, port: { type: 'string' } },
  signIn: false,
  async run(ctx, { values }) {
    const port = values.port === undefined ? undefined : Number(values.port);
    const running = await runUnitServer({ core: ctx.core, host: values.host as string | undefined, port, log: ctx.out });
    return untilStopped(running, ctx.core);
  },
};
