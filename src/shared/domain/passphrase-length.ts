/** NIST SP 800-63B's floor raised to 12: the contract checks the length, the core the whole policy (passphrase.ts). */
export const MIN_PASSPHRASE = 12;
