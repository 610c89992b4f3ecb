import { ApiError } from '../../shared/api/errors';
import { describeError } from '../../shared/i18n/describe-error';
import { translate, type Lang } from '../../shared/i18n';

/** The documented exit statuses (README "Command line"). */
export const EXIT = {
  /** Done. */
  done: 0,
  /** Rows rejected, faults found, or the app refused or failed the work itself. */
  problems: 1,
  /** The command could not run as given: usage, a refused value, sign-in, an unreadable or unfit file. */
  usage: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

/** The flag an API input field came from, when the command has one (careAreaCode → --care-area, userName → --user). */
function flagOf(path: string, optionNames: string[]): string | null {
  const field = kebab(path.split('.')[0]);
  for (const name of [field, field.replace(/-(code|id|name)$/, '')]) if (optionNames.includes(name)) return `--${name}`;
  return null;
}

/**
 * One plain line for the terminal. A refused value reads as its own sentence, named by the flag it
 * came from where there is one ("--from: Ogiltigt datum."), never as the app's form heading
 * ("Uppgifterna behöver rättas.") followed by an internal field name.
 */
export function describeCliError(lang: Lang, error: unknown, optionNames: string[] = []): string {
  if (!(error instanceof ApiError)) return translate(lang, 'cli.unexpected', { detail: error instanceof Error ? error.message : String(error) });
  if (error.code !== 'validation' || !error.issues?.length) return describeError(lang, error);
  return error.issues
    .map((i) => {
      const flag = flagOf(i.path, optionNames);
      return `${flag ? flag + ': ' : ''}${translate(lang, i.messageKey, i.params)}`;
    })
    .join(' ');
}

/** A refused value is a usage error (2); any other refusal or failure of the work is 1. */
export function exitCodeOf(error: unknown): ExitCode {
  return error instanceof ApiError && error.code === 'validation' ? EXIT.usage : EXIT.problems;
}
