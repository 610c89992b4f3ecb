import { describe, expect, it } from 'vitest';
import { bundles, translate, type Lang } from './index';

/** Parameters that hold a number of something, in any message. */
const COUNT_PARAMS = [
  'count',
  'n',
  'total',
  'days',
  'valid',
  'rejected',
  'already',
  'alreadyImported',
  'imported',
  'capacity',
  'cases',
  'max',
  'minutes',
  'duration',
  'shown',
  'files',
  'done',
  'carePlans',
  'handovers',
  'meetings',
  'referrals',
  'removed',
  'seconds',
  'pages',
  'created',
  'updated',
  'maximum',
  'minimum',
  'maxMb',
];

/** A plural noun or adjective right after the number 1: the mistakes the plural forms exist to prevent. */
const WRONG_AFTER_ONE: Record<Lang, RegExp> = {
  sv: /(?<![\d.,])1 (dagar|ärenden|anmälningar|anmälda|rader|blanketter|möten|vårdplaner|filer|roller|poster|minuter|giltiga|avvisade|importerade|timmar|veckor|månader|remisser|patienter|sidor|säkerhetskopior|sekunder|överlämningar|kompletta)\b/,
  en: /(?<![\d.,])1 (days|cases|referrals|rows|forms|meetings|files|roles|entries|faults|replies|care plans|minutes|hours|weeks|months|patients|pages|backups|seconds|handovers|characters|options|were)\b/,
};

/** Every message once per key (plural forms by their base key), with the count parameters it takes. */
function countMessages(): { key: string; params: string[] }[] {
  const seen = new Map<string, Set<string>>();
  for (const b of bundles) {
    for (const lang of ['sv', 'en'] as const) {
      for (const [key, text] of Object.entries(b[lang])) {
        const base = key.replace(/#.*$/, '');
        const params = [...text.matchAll(/\{(\w+)[}#]/g)].map((m) => m[1]).filter((p) => COUNT_PARAMS.includes(p));
        if (params.length === 0) continue;
        seen.set(base, new Set([...(seen.get(base) ?? []), ...params]));
      }
    }
  }
  return [...seen].map(([key, params]) => ({ key, params: [...params] }));
}

describe('Swedish (and English) plurals in every message that counts', () => {
  it('no message reads "1 dagar", "1 ärenden", "1 days": each count is 1 in turn, the others 2, then all 1', () => {
    const messages = countMessages();
    expect(messages.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const { key, params } of messages) {
      const cases = [...params.map((p) => Object.fromEntries(params.map((q) => [q, q === p ? 1 : 2]))), Object.fromEntries(params.map((q) => [q, 1]))];
      for (const lang of ['sv', 'en'] as const) {
        for (const counts of cases) {
          const text = translate(lang, key, { name: 'Alm', date: '2027-01-15', time: '09:00', dir: 'D', folder: 'D', ...counts });
          if (WRONG_AFTER_ONE[lang].test(text)) wrong.push(`${lang} ${key}: ${text}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a word after a second count takes its own form', () => {
    expect(translate('sv', 'import.summary', { total: 3, valid: 1, rejected: 2, alreadyImported: 0 })).toBe(
      '3 rader: 1 giltig, 2 avvisade, 0 redan importerade.',
    );
    expect(translate('en', 'cal.casesOf', { count: 2, capacity: 1 })).toBe('2 of 1 case');
  });
});
