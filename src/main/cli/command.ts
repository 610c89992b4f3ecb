import type { Core } from '../core';
import type { Input, MethodName, Output } from '../../shared/api';
import type { Lang } from '../../shared/i18n';

export interface CliContext {
  core: Core;
  lang: Lang;
  /** Translates a message key into the chosen language (--lang). */
  t(key: string, params?: Record<string, string | number>): string;
  /** Calls the API through the router, as the app does (validation, roles, access log). */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  /** The global --user (the user name a command signs in as, or `init` creates). */
  userName: string | undefined;
  /** The session the command's calls run in. */
  sessionId: string;
  out(line: string): void;
  err(line: string): void;
}

export interface CliCommand {
  name: string;
  /** Language-neutral: the command, its flags and placeholders (FILE, DIR, CODE, YYYY-MM-DD). */
  usage: string;
  /** An i18n key (cli.summary.<name>); help shows it in the chosen language. */
  summary: string;
  /** parseArgs options of the command (besides the global --data, --lang, --user and --help). */
  options?: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  /** false for a command that signs nobody in (`init` creates the first user). */
  signIn?: boolean;
  /** Returns the process exit status (EXIT in errors.ts). */
  run(ctx: CliContext, args: { values: Record<string, string | boolean | undefined>; positionals: string[] }): Promise<number>;
}
