import { invalid } from '../../shared/api/errors';
import { judgePassphrase, MIN_PASSPHRASE, PASSPHRASE_MESSAGE } from '../../shared/domain/passphrase';

/** Refuses a new passphrase that breaks the policy (shared/domain/passphrase.ts), naming the field. */
export function checkPassphrase(passphrase: string, userName: string, field: string, fullName = ''): void {
  const verdict = judgePassphrase(passphrase, userName, fullName);
  if (verdict.problem) throw invalid(field, PASSPHRASE_MESSAGE[verdict.problem], { minimum: MIN_PASSPHRASE });
}
