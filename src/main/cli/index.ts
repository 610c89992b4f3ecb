#!/usr/bin/env node
/**
 * `npm run mdk -- <command>` (bin `mdk`): the administrators' and scripts' entry, on the same core,
 * services and data folder rules as the app (`--data DIR`, else MDK_DATA_DIR, else the app's folder).
 */
import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { defaultDataDir } from '../paths';
import { createApiClient } from '../../shared/api/client';
import { isBusy } from '../router/router';
import { ApiError } from '../../shared/api/errors';
import { describeError } from '../../shared/i18n/describe-error';
import { translate, type Lang } from '../../shared/i18n';
import { readCredentials } from './credentials';
import { commands } from './commands';
import type { CliContext } from './command';

const GLOBAL_OPTIONS = {
  data: { type: 'string' },
  lang: { type: 'string' },
  user: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function help(out: (l: string) => void) {
  out('MDK Coordinator – kommandorad');
  out('');
  out('Användning: npm run mdk -- <kommando> [flaggor]   (eller: mdk <kommando>)');
  out('');
  out('Kommandon:');
  for (const c of commands) out(`  ${c.usage.padEnd(70)} ${c.summary}`);
  out('');
  out('Gemensamma flaggor:');
  out('  --data DIR    datamapp (annars MDK_DATA_DIR, annars programmets datamapp)');
  out('  --lang sv|en  språk för meddelanden (standard sv)');
  out('  --user NAMN   användarnamn att logga in som (annars MDK_USER); lösenfrasen tas från');
  out('                MDK_PASSPHRASE, annars frågas den efter i terminalen');
  out('  --help        visa denna hjälp');
}

export async function runCli(argv: string[], io = { out: console.log, err: console.error }): Promise<number> {
  const name = argv.find((a) => !a.startsWith('-'));
  const command = commands.find((c) => c.name === name);
  if (!command) {
    help(io.out);
    if (name) {
      io.err(`Okänt kommando: ${name}`);
      return 2;
    }
    return argv.includes('--help') || argv.includes('-h') ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv.filter((a, i) => !(a === name && i === argv.indexOf(name))),
      options: { ...GLOBAL_OPTIONS, ...(command.options ?? {}) },
      allowPositionals: true,
    });
  } catch (e) {
    io.err(`${(e as Error).message}\nAnvändning: ${command.usage}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(`Användning: ${command.usage}\n${command.summary}`);
    return 0;
  }
  const lang: Lang = parsed.values.lang === 'en' || process.env.MDK_LANG === 'en' ? 'en' : 'sv';
  let core;
  try {
    core = createCore({
      dataDir: (parsed.values.data as string | undefined) ?? defaultDataDir(),
      // The user gets the translated sentence; the trace only with MDK_DEBUG=1.
      logError: (method, error) => {
        if (process.env.MDK_DEBUG) console.error(`[router] ${method}:`, error);
      },
    });
  } catch (e) {
    io.err(e instanceof ApiError ? describeError(lang, e) : String(e));
    return 2;
  }
  const session = core.newSession();
  if (command.signIn !== false) {
    const credentials = await readCredentials(parsed.values.user as string | undefined);
    if (!credentials) {
      io.err(translate(lang, 'cli.needsCredentials'));
      core.close();
      return 2;
    }
    const signedIn = await core.router('auth.login', credentials, session);
    if (!signedIn.ok) {
      io.err(describeError(lang, ApiError.from(signedIn.error)));
      core.close();
      return 2;
    }
  }
  const client = createApiClient((method, input) => core.router(method, input, session));
  const ctx: CliContext = { core, lang, call: client.call, out: io.out, err: io.err };
  try {
    return await command.run(ctx, parsed as never);
  } catch (e) {
    // A user sees a sentence, never a stack trace; MDK_DEBUG=1 shows the trace for a developer.
    io.err(e instanceof ApiError ? describeError(lang, e) : describeError(lang, isBusy(e) ? new ApiError('busy', 'error.busy') : new ApiError('internal', 'error.internal')));
    if (!(e instanceof ApiError) && process.env.MDK_DEBUG) io.err(String((e as Error).stack ?? e));
    return 1;
  } finally {
    core.close();
  }
}

const invokedDirectly = process.argv[1] && /cli[\\/]index\.(ts|js|mjs)$/.test(process.argv[1]);
if (invokedDirectly) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
