import { describe, expect, it } from 'vitest';
import { signInAs, testCore, withWorkplace } from './helpers';
import { createApiClient } from '../../src/shared/api/client';
import { ROLES, type Role } from '../../src/shared/api/contract';
import { api as contract, type MethodName } from '../../src/shared/api';
import { ApiError } from '../../src/shared/api/errors';

/**
 * Settings that change everyone's documents and lists: who may change them, through the router as every
 * transport calls it. Allowed roles get past the role check (to validation of the empty input); the
 * others are refused before it.
 */
const MATRIX: Record<string, Role[]> = {
  'carePlans.saveTemplate': ['administrator', 'coordinator'],
  'carePlans.saveSettings': ['administrator', 'coordinator'],
  'caseLists.saveTreatmentOptions': ['administrator', 'coordinator'],
  'reference.saveUnit': ['administrator', 'coordinator'],
  'referralRules.save': ['administrator', 'coordinator'],
  'reference.saveCareArea': ['administrator'],
  'workplace.set': ['administrator'],
  // Registering from a new referring unit: creates a unit, never changes one.
  'reference.addReferringUnit': ['administrator', 'coordinator', 'contact_nurse'],
};

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof ApiError ? e.code : String(e);
  }
}

describe('shared settings: administrator or coordinator only', () => {
  it('the router refuses every other role, method by method', async () => {
    for (const role of ROLES) {
      const { api } = await testCore({ localRole: role });
      for (const [method, allowed] of Object.entries(MATRIX)) {
        const code = await codeOf(api.call(method as MethodName, {} as never));
        if (allowed.includes(role)) expect(code, `${role} ${method}`).not.toBe('forbidden');
        else expect(code, `${role} ${method}`).toBe('forbidden');
      }
    }
  });

  it('the contract says the same (the UI reads its roles from there)', () => {
    for (const [method, allowed] of Object.entries(MATRIX))
      expect([...(contract[method as MethodName].roles as Role[])].sort(), method).toEqual([...allowed].sort());
  });

  it('a contact nurse adds a new referring unit while registering, but cannot change an existing one through it', async () => {
    const admin = await testCore();
    const { ref } = await withWorkplace(admin.api);
    const nurse = admin.core.newSession();
    await signInAs(admin.core, nurse, 'contact_nurse');
    const api = createApiClient((m, i) => admin.core.router(m, i, nurse));
    const existing = ref.units.find((u) => u.code === 'SU')!;
    const { id } = await api.call('reference.addReferringUnit', { name: 'Kirurgkliniken Sundsvall', regionCode: '22', healthcareRegionCode: 'NORRA' });
    expect(id).not.toBe(existing.id);
    const again = await api.call('reference.addReferringUnit', { id: existing.id, name: 'Omdöpt', regionCode: '22', healthcareRegionCode: 'NORRA' } as never);
    expect(again.id).not.toBe(existing.id);
    const after = await api.call('reference.get', {});
    expect(after.units.find((u) => u.id === existing.id)!.name).toBe(existing.name);
    expect(await codeOf(api.call('reference.saveUnit', { id: existing.id, name: 'Omdöpt', regionCode: '22', healthcareRegionCode: 'NORRA' }))).toBe(
      'forbidden',
    );
  });
});
