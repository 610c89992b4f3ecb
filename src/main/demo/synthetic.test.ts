import { describe, expect, it } from 'vitest';
import Personnummer from 'personnummer';
import { dateBetween, seededRandom, syntheticPersonnummer } from './synthetic';

describe('synthetic data', () => {
  it('is deterministic for a seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('makes checksum-valid personnummer with the right sex digit', () => {
    const rnd = seededRandom(1);
    for (let i = 0; i < 200; i++) {
      const birth = dateBetween(rnd, '1930-01-01', '2005-12-31');
      const sex = i % 2 ? 'male' : 'female';
      const pnr = syntheticPersonnummer(rnd, birth, sex);
      expect(pnr).toMatch(/^\d{12}$/);
      expect(Personnummer.valid(pnr), pnr).toBe(true);
      expect(Number(pnr[10]) % 2).toBe(sex === 'male' ? 1 : 0);
    }
  });
});
