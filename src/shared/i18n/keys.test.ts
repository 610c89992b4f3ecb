import { describe, expect, it } from 'vitest';
import { isMessageKey, translate, type Translate } from './index';

describe('message keys', () => {
  it('are checked by the type system: a key no bundle has fails typecheck, a run-time family only by its prefix', () => {
    const t: Translate = (key, params) => translate('sv', key, params);
    // @ts-expect-error: no bundle has this key
    expect(t('nav.homeTypo')).toBe('nav.homeTypo');
    // @ts-expect-error: a family completed at run time must still be a known family
    expect(t(`nav.${'x'}`)).toBe('nav.x');
    expect(t('nav.home')).not.toBe('nav.home');
    expect(t('referral.field.question')).not.toBe('referral.field.question');
  });

  it('narrows a key read at run time only when a bundle has it', () => {
    expect(isMessageKey('nav.home')).toBe(true);
    expect(isMessageKey('nav.homeTypo')).toBe(false);
  });
});
