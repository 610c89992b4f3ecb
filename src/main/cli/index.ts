#!/usr/bin/env node
/**
 * `npm run mdk -- <command>` (bin `mdk`): the administrators' and scripts' entry, on the same core,
 * services and data folder rules as the app (`--data DIR`, else MDK_DATA_DIR, else the app's folder).
 * Exit status: 0 done, 1 rows rejected or faults found, 2 usage error or unfit file (errors.ts).
 */
import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { defaultDataDir } from '../paths';
import { createApiClient } from '../../shared/api/client';
import { isBusy } from '../router/router';
import { ApiError } from '../../shared/api/errors';
import { translate, type Lang } from '../../shared/i18n';
import { readCredentials } from './credentials';
import { commands } from './commands';
import { GLOBAL_OPTIONS, readInvocation } from './args';
import { describeCliError, EXIT, exitCodeOf } from './errors';
import type { CliCommand, CliContext } from './command';

interface Io {
  out(line: string): void;
  err(line: string): void;
}

function help(lang: Lang, out: (l: string) => void) {
  const t = (key: string) => translate(lang, key);
  out(t('cli.title'));
  out('');
  out(t('cli.usage'));
  out('');
  out(t('cli.commands'));
  for (const c of commands) out(`  ${c.usage.padEnd(70)} ${t(c.summary)}`);
  out('');
  out(t('cli.globalOptions'));
  out(`  --data DIR    ${t('cli.option.data')}`);
  out(`  --lang sv|en  ${t('cli.option.lang')}`);
  out(`  --user NAME   ${t('cli.option.user')}`);
  out(`  --help        ${t('cli.option.help')}`);
  out('');
  out(t('cli.exitCodes'));
}

/** parseArgs' own (English) complaint, said in the chosen language. */
function describeParseError(lang: Lang, e: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return translate(lang, 'cli.unknownOption', { option });
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return translate(lang, 'cli.optionNeedsValue', { option });
  return translate(lang, 'cli.badArguments', { detail: e.message });
}

function parseCommandArgs(command: CliCommand, rest: string[]) {
  return parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...(command.options ?? {}) }, allowPositionals: true });
}

export async function runCli(argv: string[], io: Io = { out: console.log, err: console.error }): Promise<number> {
  const invocation = readInvocation(argv);
  if (invocation.lang === 'invalid') {
    io.err(translate('sv', 'cli.badLang'));
    return EXIT.usage;
  }
  const lang = invocation.lang;
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
  const command = commands.find((c) => c.name === invocation.name);
  if (!command) {
    help(lang, io.out);
    if (invocation.name) {
      io.err(t('cli.unknownCommand', { name: invocation.name }));
      return EXIT.usage;
    }
    return invocation.help ? EXIT.done : EXIT.usage;
  }
  let parsed;
  try {
    parsed = parseCommandArgs(command, invocation.rest);
  } catch (e) {
    io.err(describeParseError(lang, e as Error));
    io.err(t('cli.usageLine', { usage: command.usage }));
    return EXIT.usage;
  }
  if (parsed.values.help) {
    io.out(t('cli.usageLine', { usage: command.usage }));
    io.out(t(command.summary));
    return EXIT.done;
  }
  const optionNames = [...Object.keys(GLOBAL_OPTIONS), ...Object.keys(command.options ?? {})];
  let core;
  try {
    core = createCore({
      dataDir: (parsed.values.data as string | undefined) ?? defaultDataDir(),
      // One command, one caller: a PDF renders on this thread (`mdk serve` holds the workers itself).
      pdfWorkers: false,
      // The user gets the translated sentence; the trace only with MDK_DEBUG=1.
      logError: (method, error) => {
        if (process.env.MDK_DEBUG) console.error(`[router] ${method}:`, error);
      },
    });
  } catch (e) {
    io.err(describeCliError(lang, e, optionNames));
    return EXIT.usage;
  }
  const userName = parsed.values.user as string | undefined;
  const session = core.newSession();
  if (command.signIn !== false) {
    const credentials = await readCredentials(userName, process.env, Boolean(process.stdin.isTTY), lang);
    if (!credentials) {
      io.err(t('cli.needsCredentials'));
      core.close();
      return EXIT.usage;
    }
    const signedIn = await core.router('auth.login', credentials, session);
    if (!signedIn.ok) {
      io.err(describeCliError(lang, ApiError.from(signedIn.error)));
      core.close();
      return EXIT.usage;
    }
  }
  const client = createApiClient((method, input) => core.router(method, input, session));
  const ctx: CliContext = { core, lang, t, call: client.call, userName, sessionId: session, out: io.out, err: io.err };
  try {
    return await command.run(ctx, parsed as never);
  } catch (e) {
    // A user sees a sentence, never a stack trace; MDK_DEBUG=1 shows the trace for a developer.
    const error = !(e instanceof ApiError) && isBusy(e) ? new ApiError('busy', 'error.busy') : e;
    io.err(describeCliError(lang, error, optionNames));
    if (!(error instanceof ApiError) && process.env.MDK_DEBUG) io.err(String((e as Error).stack ?? e));
    return exitCodeOf(error);
  } finally {
    core.close();
  }
}

/** Resolves once everything written to `stream` so far has been handed to the OS (a pipe drains slowly). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

const invokedDirectly = process.argv[1] && /cli[\\/]index\.(ts|js|mjs)$/.test(process.argv[1]);
if (invokedDirectly) {
  // Exiting at once would cut output still queued for a pipe (at the pipe's 64 KiB): wait for it first.
  void runCli(process.argv.slice(2)).then(async (code) => {
    process.exitCode = code;
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    process.exit(code);
  });
}
