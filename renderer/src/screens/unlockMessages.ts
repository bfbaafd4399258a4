import type { UiError } from '../api';
import { formatWait } from '../format';

/** What to tell the person when an unlock or recovery attempt fails. */
export function unlockFailureMessage(error: UiError, what: 'passphrase' | 'recovery code', waitMs: number): string {
  if (error.code === 'too-many-attempts') {
    return waitMs > 0
      ? `Too many unsuccessful attempts. For your security, please wait ${formatWait(waitMs)} before trying again.`
      : 'Too many unsuccessful attempts. You can try again now.';
  }
  if (error.code === 'wrong-passphrase') {
    return what === 'passphrase'
      ? 'That name and passphrase do not match. Check both and try again — capital letters matter.'
      : 'That name and recovery code do not match. Check both and try again.';
  }
  return error.message;
}
