import { describe, expect, it } from 'vitest';
import { bundles, translate } from './index';

describe('i18n', () => {
  it('every Swedish text has an English one and vice versa, in every bundle', () => {
    for (const b of bundles) {
      expect(Object.keys(b.en).sort()).toEqual(Object.keys(b.sv).sort());
    }
  });

  it('no key is defined by two bundles', () => {
    const seen = new Map<string, number>();
    bundles.forEach((b, i) =>
      Object.keys(b.sv).forEach((k) => {
        expect(seen.has(k), `duplicate key ${k}`).toBe(false);
        seen.set(k, i);
      }),
    );
  });

  it('fills parameters and falls back to the key', () => {
    expect(translate('sv', 'validation.tooLong', { maximum: 200 })).toBe('För lång text (högst 200 tecken).');
    expect(translate('en', 'validation.tooLong', { maximum: 200 })).toBe('Text too long (at most 200 characters).');
    expect(translate('sv', 'no.such.key')).toBe('no.such.key');
  });
});
