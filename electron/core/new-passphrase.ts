import { loadStrengthChecker, newPassphraseProblem, passphraseUserInputs } from '../../shared/passphrase-strength';
import { ConfideError } from './errors';

/**
 * Every new passphrase (a new vault, a recovery, a change, a new user) passes the app's strength rule here,
 * before any key work, whichever door it came through.
 */
export async function assertNewPassphrase(
  field: string,
  value: string,
  names: { practiceName?: string | null; userName?: string | null },
): Promise<void> {
  const problem = newPassphraseProblem(await loadStrengthChecker(), value, passphraseUserInputs(names));
  if (problem !== null) throw new ConfideError('invalid-input', problem, undefined, [{ path: field, message: problem }]);
}
