import { describe, expect, it } from 'vitest';
import { hasMessage, translate } from './index';

describe('plural forms (Intl.PluralRules)', () => {
  it('Swedish and English say "1 dag", "2 dagar" and never "1 dagar"', () => {
    expect(translate('sv', 'caseList.daysOver', { days: 1 })).toBe('1 dag över målet');
    expect(translate('sv', 'caseList.daysOver', { days: 3 })).toBe('3 dagar över målet');
    expect(translate('sv', 'caseList.count', { total: 1 })).toBe('1 ärende');
    expect(translate('sv', 'caseList.count', { total: 0 })).toBe('0 ärenden');
    expect(translate('en', 'caseList.count', { total: 1 })).toBe('1 case');
    expect(translate('en', 'caseList.count', { total: 12 })).toBe('12 cases');
    expect(translate('sv', 'import.confirm', { n: 1 })).toBe('Importera 1 giltig anmälan');
    expect(translate('sv', 'bulk.done', { count: 2 })).toBe('2 anmälningar markerades som kompletta.');
    expect(translate('sv', 'agenda.daysOverTarget', { days: 1 })).toBe('1 dag över ledtidsmålet');
  });

  it('a plural message is known by its base key, and every plural key has its #other form', async () => {
    expect(hasMessage('caseList.count')).toBe(true);
    const { bundles } = await import('./index');
    for (const b of bundles) {
      for (const key of Object.keys(b.sv).filter((k) => k.includes('#'))) expect(b.sv[key.replace(/#.*$/, '#other')]).toBeDefined();
    }
  });

  it('one word per concept: the urgent priority is "Brådskande" wherever it shows, never "akut"', async () => {
    expect(translate('sv', 'caseList.urgent')).toBe(translate('sv', 'priority.urgent'));
    const { bundles } = await import('./index');
    const akut = bundles.flatMap((b) => Object.entries(b.sv)).filter(([, text]) => /\bakut(a|en)?\b/i.test(text));
    expect(akut).toEqual([]);
  });
});
