/**
 * The passphrase policy (NIST SP 800-63B, 3.1.1.2): at least MIN_PASSPHRASE characters, no upper
 * limit below 200, any characters (spaces and å, ä, ö included), no composition rules, but checked
 * against what guessers try first: the strength estimate of zxcvbn-ts with its common-password, name
 * and English word lists plus a short Swedish list, the user's own name and user name, and a
 * passphrase of only spaces or only the user name. Used by the core (the rule) and by the forms (the
 * meter as the user types, loaded on demand).
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

import { MIN_PASSPHRASE } from './passphrase-length';

export { MIN_PASSPHRASE };
/** zxcvbn's score 3: about 10^8 guesses, "safely unguessable" with our slow KDF in front. */
export const MIN_SCORE = 3;

/** Words a Swedish guesser tries first (zxcvbn-ts has no Swedish list of its own). */
const SWEDISH = [
  'lösenord',
  'losenord',
  'sommar',
  'vinter',
  'hösten',
  'våren',
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
  'måndag',
  'tisdag',
  'onsdag',
  'torsdag',
  'fredag',
  'lördag',
  'söndag',
  'sverige',
  'svenska',
  'stockholm',
  'göteborg',
  'malmö',
  'uppsala',
  'hejhej',
  'hemligt',
  'välkommen',
  'kärlek',
  'sjukhus',
  'sjuksköterska',
  'läkare',
  'region',
  'vården',
  'patient',
  'cancer',
  'mdk',
  'qwertyåäö',
  'abc123',
  'kaffe',
  'katten',
  'hunden',
];

let factory: ZxcvbnFactory | null = null;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, swedish: SWEDISH },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
    // Fewer l33t substitutions tried: seconds per check become milliseconds, as the user types.
    l33tMaxSubstitutions: 4,
  });
  return factory;
}

export type PassphraseProblem = 'tooShort' | 'blank' | 'sameAsUserName' | 'tooWeak';

export interface PassphraseVerdict {
  /** 0–4 (zxcvbn's scale); what the meter shows. */
  score: number;
  problem: PassphraseProblem | null;
}

/** The verdict on a new passphrase for `userName` (and the person's name, when known). */
export function judgePassphrase(passphrase: string, userName: string, fullName = ''): PassphraseVerdict {
  const trimmed = passphrase.trim();
  if (trimmed === '') return { score: 0, problem: 'blank' };
  const same = (a: string) => a.trim() !== '' && trimmed.toLowerCase() === a.trim().toLowerCase();
  if (same(userName) || same(fullName)) return { score: 0, problem: 'sameAsUserName' };
  if ([...passphrase].length < MIN_PASSPHRASE) return { score: Math.min(estimate(passphrase, userName, fullName), 1), problem: 'tooShort' };
  const score = estimate(passphrase, userName, fullName);
  return { score, problem: score < MIN_SCORE ? 'tooWeak' : null };
}

function estimate(passphrase: string, userName: string, fullName: string): number {
  const inputs = [userName, ...fullName.split(/\s+/)].filter((s) => s.length > 1);
  // The first 64 characters decide: longer ones are strong anyway, and the estimate's cost grows with length.
  return estimator().check(passphrase.slice(0, 64), inputs).score;
}

/** The i18n key of each problem (src/shared/i18n/messages/security.ts). */
export const PASSPHRASE_MESSAGE: Record<PassphraseProblem, string> = {
  tooShort: 'security.passphraseTooShort',
  blank: 'security.passphraseBlank',
  sameAsUserName: 'security.passphraseIsUserName',
  tooWeak: 'security.passphraseTooWeak',
};
