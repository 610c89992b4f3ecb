/**
 * The CLI signs in like the app: `--user NAME` (or MDK_USER) and the passphrase from
 * MDK_PASSPHRASE, else asked on the terminal without echo. Its calls are then that user's, with the
 * same roles and the same access log.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { translate, type Lang } from '../../shared/i18n';

export interface Credentials {
  userName: string;
  passphrase: string;
}

/** Reads a line from the terminal without showing what is typed. */
export function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

/** null when no user was given, or no passphrase and no terminal to ask on. */
export async function readCredentials(
  user: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  isTty = Boolean(process.stdin.isTTY),
  lang: Lang = 'sv',
): Promise<Credentials | null> {
  const userName = user ?? env.MDK_USER;
  if (!userName) return null;
  if (env.MDK_PASSPHRASE) return { userName, passphrase: env.MDK_PASSPHRASE };
  if (!isTty) return null;
  return { userName, passphrase: await promptHidden(translate(lang, 'cli.passphrasePrompt', { userName })) };
}

/**
 * A new user's passphrase (`mdk init`): MDK_PASSPHRASE, else typed twice on the terminal; null
 * without either. The API checks its length and that both match, as the app's form does.
 */
export async function readNewPassphrase(
  userName: string,
  lang: Lang,
  env: NodeJS.ProcessEnv = process.env,
  isTty = Boolean(process.stdin.isTTY),
): Promise<{ passphrase: string; passphraseRepeat: string } | null> {
  if (env.MDK_PASSPHRASE) return { passphrase: env.MDK_PASSPHRASE, passphraseRepeat: env.MDK_PASSPHRASE };
  if (!isTty) return null;
  const passphrase = await promptHidden(translate(lang, 'cli.passphrasePrompt', { userName }));
  return { passphrase, passphraseRepeat: await promptHidden(translate(lang, 'cli.passphraseRepeatPrompt')) };
}
