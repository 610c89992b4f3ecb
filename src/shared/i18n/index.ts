import type { Lang, MessageBundle, Messages } from './types';
import { common } from './messages/common';
import { settingsUi } from './messages/settings-ui';
import { overview } from './messages/overview';
import { security } from './messages/security';
import { referrals } from './messages/referrals';
import { referralsUi } from './messages/referrals-ui';
import { carePlans } from './messages/care-plans';
import { backup } from './messages/backup';
import { scheduling } from './messages/scheduling';
import { caseLists } from './messages/case-lists';
import { followUp } from './messages/follow-up';
import { demo } from './messages/demo';
import { referralForms } from './messages/referral-forms';
import { unitServerCli } from './messages/unit-server-cli';
import { securityEdge } from './messages/security-edge';
import { cli } from './messages/cli';
import { referralImport } from './messages/referral-import';
import { followThrough } from './messages/follow-through';
import { trust } from './messages/trust';
import { team } from './messages/team';
import { dailyUse } from './messages/daily-use';
import { checklist } from './messages/checklist';
import { methodSection } from './messages/method-section';
import { jobs } from './messages/jobs';

export type { Lang, MessageBundle, Messages } from './types';

/** Every feature's bundle; a feature adds its own file under messages/ and one entry here. */
const allBundles = [
  common,
  settingsUi,
  overview,
  referrals,
  referralsUi,
  scheduling,
  caseLists,
  carePlans,
  followUp,
  backup,
  security,
  demo,
  referralForms,
  unitServerCli,
  securityEdge,
  cli,
  referralImport,
  followThrough,
  trust,
  team,
  dailyUse,
  checklist,
  methodSection,
  jobs,
] as const;
export const bundles: readonly MessageBundle[] = allBundles;

/** A key of the Swedish texts, a plural's `key#one`/`key#other` as `key`: a key no bundle has fails typecheck. */
export type MessageKey = (typeof allBundles)[number] extends infer B ? (B extends { sv: infer S } ? PluralBase<keyof S & string> : never) : never;
type PluralBase<K extends string> = K extends `${infer Base}#${string}` ? Base : K;
/**
 * Fails typecheck when a bundle is declared `: MessageBundle` (its keys widen to string and every key
 * would pass): write `} satisfies MessageBundle;` instead.
 */
export const MESSAGE_KEYS_ARE_KNOWN: string extends MessageKey ? never : true = true;

/**
 * Key families completed at run time from data (a participant's role, a referral field, a job's
 * method …): the family is checked, the last part cannot be. Any other key must exist.
 */
export type RuntimeKey =
  | `participantRole.${string}`
  | `followUp.role.${string}`
  | `referral.field.${string}`
  | `accessLog.object.${string}`
  | `jobs.${string}`
  | `series.monthWeek.${number}`
  | `security.strength.${number}`;

/** The translate function the renderer and the shared table builders are given. */
export type Translate = (key: MessageKey | RuntimeKey, params?: Record<string, string | number>) => string;

/** A key read at run time (a server's `messageKey`, a label key in data): a MessageKey once known to exist. */
export function isMessageKey(key: string): key is MessageKey {
  return hasMessage(key);
}

const merged: Record<Lang, Messages> = {
  sv: Object.assign({}, ...bundles.map((b) => b.sv)),
  en: Object.assign({}, ...bundles.map((b) => b.en)),
};

export function hasMessage(key: string): boolean {
  return key in merged.sv || `${key}#other` in merged.sv;
}

/** The parameters that choose a plural form, first found first: `{count}`, `{n}`, `{total}`, `{days}`. */
const PLURAL_PARAMS = ['count', 'n', 'total', 'days'] as const;
const pluralRules: Record<Lang, Intl.PluralRules> = { sv: new Intl.PluralRules('sv-SE'), en: new Intl.PluralRules('en-GB') };

/**
 * A message with plural forms is written as `key#one` and `key#other` (Intl.PluralRules categories; Swedish
 * and English have these two): "1 ärende", "2 ärenden". The form follows the first plural parameter given.
 */
function pluralTemplate(messages: Messages, lang: Lang, key: string, params?: Record<string, string | number>): string | undefined {
  if (!(`${key}#other` in messages)) return undefined;
  const name = PLURAL_PARAMS.find((p) => typeof params?.[p] === 'number');
  const category = name ? pluralRules[lang].select(params![name] as number) : 'other';
  return messages[`${key}#${category}`] ?? messages[`${key}#other`];
}

/**
 * A word that follows another count in the same message is written inline, `{valid#giltig|giltiga}`:
 * the form Intl.PluralRules picks for that parameter ("1 giltig, 2 avvisade").
 */
function inlinePlurals(lang: Lang, template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)#([^|}]*)\|([^}]*)\}/g, (_m, name: string, one: string, other: string) => {
    const value = params[name];
    if (typeof value !== 'number') return other;
    return pluralRules[lang].select(value) === 'one' ? one : other;
  });
}

/** Translates a key; falls back to Swedish, then to the key itself so nothing shows blank. */
export function translate(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const template =
    merged[lang][key] ?? pluralTemplate(merged[lang], lang, key, params) ?? merged.sv[key] ?? pluralTemplate(merged.sv, 'sv', key, params) ?? key;
  if (!params) return template.replace(/\{(\w+)#[^|}]*\|([^}]*)\}/g, '$2');
  return inlinePlurals(lang, template, params).replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function messagesFor(lang: Lang): Messages {
  return merged[lang];
}
