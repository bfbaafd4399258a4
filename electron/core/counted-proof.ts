import { ConfideError } from './errors';
import type { VaultState } from './vault-state';

/**
 * Runs an act that proves the signed-in user's passphrase while the vault is open (approving a purge, changing
 * the passphrase, replacing the recovery code). A wrong passphrase there is a guess at the unlock secret, so it
 * waits out and counts toward the unlock back-off; the right one starts the count again, as an unlock does.
 */
export async function countedProof<T>(state: VaultState, act: () => Promise<T>): Promise<T> {
  state.backoff.assertAllowed();
  let value: T;
  try {
    value = await act();
  } catch (error) {
    if (error instanceof ConfideError && error.code === 'wrong-passphrase') state.backoff.recordWrongProof();
    throw error;
  }
  state.backoff.recordProof();
  return value;
}
