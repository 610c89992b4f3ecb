import type { Core } from '../core';
import type { Input, MethodName, Output } from '../../shared/api';
import type { Lang } from '../../shared/i18n';

export interface CliContext {
  core: Core;
  lang: Lang;
  /** Calls the API through the router, as the app does (validation, roles, access log). */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  out(line: string): void;
  err(line: string): void;
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** parseArgs options of the command (besides the global --data, --lang and --help). */
  options?: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  /** false for the rare command that needs no database (issue 7: all others sign in first). */
  signIn?: boolean;
  /** Returns the process exit status. */
  run(ctx: CliContext, args: { values: Record<string, string | boolean | undefined>; positionals: string[] }): Promise<number>;
}
