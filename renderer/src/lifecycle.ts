import { call, setLockedHandler } from './api';
import type { User } from '../../shared/schemas';
import { go } from './stores/navigation';
import { useDraft } from './stores/draft';
import { useRecovery } from './stores/recovery';
import { clearVaultData } from './stores/reset';
import { useSession } from './stores/session';

export const LOCKED_NOTICE = 'Confide locked the vault to keep your records private. Unlock to continue.';

/** Finds out what state the vault is in and shows the screen that fits it. */
export async function startup(): Promise<void> {
  const status = await call('vault.status', {});
  if (!status.ok) {
    go({ name: 'startup-error', message: status.error.message });
    return;
  }
  const { state, practiceName, user } = status.value;
  useSession.getState().setPracticeName(practiceName);
  if (state === 'uninitialised') go({ name: 'create' });
  else if (state === 'unlocked' && user !== null) {
    useSession.getState().signedIn(practiceName, user);
    await showFirstScreen();
  } else go({ name: 'unlock' });
}

/** The vault is locked (by the person, by idle/suspend in main, or discovered on a call): forget everything. */
export function handleLocked(notice: string | null = LOCKED_NOTICE): void {
  clearVaultData();
  useSession.getState().signedOut(notice);
  go({ name: 'unlock' });
}

export async function lockNow(): Promise<void> {
  // Save what was typed since the last autosave before the key is gone.
  await useDraft.getState().flush();
  await call('vault.lock', {});
  handleLocked(null);
}

/** After an unlock or recovery: who is signed in, then the first screen. */
export async function signedIn(user: User): Promise<void> {
  const status = await call('vault.status', {});
  useSession.getState().signedIn(status.ok ? status.value.practiceName : null, user);
  await showFirstScreen();
}

/** A recovery code not yet confirmed as written down comes before anything else, whatever locked the vault. */
async function showFirstScreen(): Promise<void> {
  const result = await call('vault.pendingRecoveryCode', {});
  const pending = result.ok ? result.value.pending : null;
  if (pending === null) {
    go({ name: 'clients' });
    return;
  }
  useRecovery.getState().show(pending);
  go({ name: 'recovery-code' });
}

export function installLockHandling(): () => void {
  setLockedHandler(() => handleLocked());
  // The main process is about to lock (idle, suspend, screen lock, quit): save what was typed first.
  const stopFlushing = window.confide.onLockRequested(() => useDraft.getState().flush());
  const stopListening = window.confide.onLocked(() => {
    if (useSession.getState().user !== null) handleLocked();
    else clearVaultData();
  });
  return () => {
    stopFlushing();
    stopListening();
  };
}
