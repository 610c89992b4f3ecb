import { parseArgs } from 'node:util';
import type { Lang } from '../../shared/i18n';

/** Options every command takes, before or after the command's name. */
export const GLOBAL_OPTIONS = {
  data: { type: 'string' },
  lang: { type: 'string' },
  user: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface Invocation {
  /** The command's name: the first word that is neither a global option nor its value. */
  name: string | undefined;
  /** Everything else, in order, for the command's own parse. */
  rest: string[];
  /** --lang as given (else MDK_LANG); 'invalid' for a value other than sv or en. */
  lang: Lang | 'invalid';
  help: boolean;
}

/**
 * Reads the global options wherever they stand, so `mdk --data DIR verify` and `mdk verify --data DIR`
 * are the same command. A command's own options are left for its strict parse.
 */
export function readInvocation(argv: string[], env: NodeJS.ProcessEnv = process.env): Invocation {
  const { tokens } = parseArgs({ args: argv, options: GLOBAL_OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const first = tokens.find((t) => t.kind === 'positional');
  const langToken = tokens.findLast((t) => t.kind === 'option' && t.name === 'lang');
  const given = langToken?.kind === 'option' ? langToken.value : env.MDK_LANG || undefined;
  const lang = given === undefined || given === 'sv' ? 'sv' : given === 'en' ? 'en' : 'invalid';
  return {
    name: first?.kind === 'positional' ? first.value : undefined,
    rest: first ? argv.filter((_, i) => i !== first.index) : argv,
    lang,
    help: tokens.some((t) => t.kind === 'option' && t.name === 'help'),
  };
}
