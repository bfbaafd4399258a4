import { call, setLockedHandler } from './api';
import type { User } from '../../shared/schemas';
import { go } from './stores/navigation';
import { useDraft } from './stores/draft';
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
    go({ name: 'clients' });
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

export async function signedIn(user: User): Promise<void> {
  const status = await call('vault.status', {});
  useSession.getState().signedIn(status.ok ? status.value.practiceName : null, user);
}

export function installLockHandling(): () => void {
  setLockedHandler(() => handleLocked());
  return window.confide.onLocked(() => {
    if (useSession.getState().user !== null) handleLocked();
    else clearVaultData();
  });
}
