/**
 * How tests sign in: the first administrator is created on first use, a user with the wanted role is
 * added, and the session signs in, through the same calls the app makes. The core is made with a cheap
 * scrypt (TEST_KDF), so this takes milliseconds. Arrange-only; never asserts anything.
 */
import type { Core } from '../src/main/core';
import type { Role } from '../src/shared/api/contract';

export const TEST_PASSPHRASE = 'korrekt häst batteri';
export const TEST_ADMIN = { userName: 'admin', name: 'Anna Administratör' };
/** The user name of the test user in each role ('admin' for the administrator). */
export const testUserName = (role: Role) => (role === 'administrator' ? TEST_ADMIN.userName : role);
/** The full name of the test user in each role (what the app records as who did something). */
export const TEST_USER_NAMES: Record<Role, string> = {
  administrator: TEST_ADMIN.name,
  coordinator: 'Karin Koordinator',
  contact_nurse: 'Sara Kontaktsjuksköterska',
  physician: 'Per Läkare',
};

/** Signs `sessionId` in as the test user with `role`, creating the administrator and that user if needed. */
export async function signInAs(core: Core, sessionId: string, role: Role = 'administrator'): Promise<void> {
  const security = core.security;
  if (security.status(sessionId).state === 'setup') {
    await security.setup(sessionId, { ...TEST_ADMIN, passphrase: TEST_PASSPHRASE });
  }
  const userName = testUserName(role);
  if (!security.listUsersUnchecked().some((u) => u.userName === userName)) {
    await security.login(sessionId, TEST_ADMIN.userName, TEST_PASSPHRASE);
    await security.saveUser(null, { name: TEST_USER_NAMES[role], userName, role, unitId: null, active: true, passphrase: TEST_PASSPHRASE });
  }
  await security.login(sessionId, userName, TEST_PASSPHRASE);
}
