import { describe, expect, it } from 'vitest';
import { testCore } from './helpers';
import { ApiError } from '../../src/shared/api/errors';

async function issuesOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return Object.fromEntries((e.issues ?? []).map((i) => [i.path, i.messageKey]));
    throw e;
  }
  throw new Error('expected a validation error');
}

describe('validation messages through the router (every transport)', () => {
  it('a value of the wrong kind is "invalid"; a missing one, null or an empty number field (NaN) is "required"', async () => {
    const { api } = await testCore();
    const wrong = await issuesOf(api.call('people.save', { name: 7, role: 'trollkarl', email: ['x'] } as never));
    expect(wrong).toMatchObject({ name: 'validation.invalidType', role: 'validation.invalidValue' });
    expect(wrong.email).not.toBe('validation.required');
    const missing = await issuesOf(api.call('people.save', { name: null } as never));
    expect(missing).toMatchObject({ name: 'validation.required', role: 'validation.required' });
    expect((await issuesOf(api.call('series.save', { weekday: Number.NaN } as never))).weekday).toBe('validation.required');
    expect((await issuesOf(api.call('series.save', { weekday: '3' } as never))).weekday).toBe('validation.invalidType');
  });
});
