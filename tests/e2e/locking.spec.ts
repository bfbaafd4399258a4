import type { Page } from '@playwright/test';
import type { LockReason } from '../../electron/core/types';
import { AppShell } from './pages/AppShell';
import { ClientFilePage } from './pages/ClientFilePage';
import { ClientsPage } from './pages/ClientsPage';
import { CreateVaultPage } from './pages/CreateVaultPage';
import { NotePage } from './pages/NotePage';
import { RecoveryCodePage } from './pages/RecoveryCodePage';
import { UnlockPage } from './pages/UnlockPage';
import { expect, PASSPHRASE, PRACTICE, test, USER, type Vault } from './fixtures';

const CLIENT = 'Morgan Hale';

async function openClientNote(page: Page): Promise<NotePage> {
  const clients = new ClientsPage(page);
  await clients.expectShown();
  await clients.open(CLIENT);
  const file = new ClientFilePage(page);
  await file.expectShown(CLIENT);
  await file.writeClientNote.click();
  const note = new NotePage(page);
  await note.expectShown('Client note');
  return note;
}

async function unlockAgain(page: Page): Promise<void> {
  const unlock = new UnlockPage(page);
  await unlock.expectShown();
  await unlock.unlock(USER, PASSPHRASE);
}

/** Types, then locks at once — well inside the autosave delay — the way each cause of a lock would. */
const lockCauses: Array<{ cause: string; lock(page: Page, vault: Vault): Promise<void>; events?: string[] }> = (
  ['idle', 'suspend', 'screen-lock', 'shutdown'] as LockReason[]
).map((reason) => ({
  cause: reason,
  lock: (_page, vault) => vault.lockFromMain(reason),
  events: ['lock-requested', 'flushed', `locked:${reason}`],
}));
lockCauses.push({ cause: 'the Lock button', lock: (page) => new AppShell(page).lock() });

test.describe('typing is never lost to a lock', () => {
  for (const { cause, lock, events } of lockCauses) {
    test(`a draft typed just before a lock (${cause}) is saved first`, async ({ page, vault, openApp }) => {
      await vault.create();
      const client = await vault.call('clients.create', { name: CLIENT });
      await openApp();
      const note = await openClientNote(page);
      const typed = `Typed a moment before the ${cause} lock.`;
      await note.editor.fill(typed);
      await lock(page, vault);
      if (events) expect(vault.lockEvents).toEqual(events);
      expect(vault.core.isUnlocked()).toBe(false);

      await unlockAgain(page);
      const reopened = await openClientNote(page);
      await expect(reopened.editor).toHaveValue(typed);
      const saved = await vault.call('notes.list', { clientId: client.id });
      expect(saved.notes.map((n) => [n.status, n.body])).toEqual([['draft', typed]]);
    });
  }
});

test.describe('the recovery code is never lost to a lock', () => {
  test('an idle lock on the recovery-code screen shows the same code again after unlock, until it is confirmed', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
  }) => {
    await openApp();
    const create = new CreateVaultPage(page);
    await create.expectShown();
    await create.fill({ practiceName: PRACTICE, userName: USER, passphrase: PASSPHRASE });
    await create.submit.click();
    const recovery = new RecoveryCodePage(page);
    await recovery.expectShown();
    const code = await recovery.readCode();

    // Walked away before writing it down: the idle lock fires on this screen.
    await vault.lockFromMain('idle');
    await unlockAgain(page);
    await recovery.expectShown();
    expect(await recovery.readCode()).toBe(code);
    await expect(recovery.printKit).toContainText('23 November 2026');
    await saveScreenshot('06-recovery-code-after-lock');

    await recovery.confirmation.check();
    await recovery.continueButton.click();
    await new ClientsPage(page).expectShown();

    // Confirmed: the next unlock goes straight to the clients, and the core holds no copy.
    await new AppShell(page).lock();
    await unlockAgain(page);
    await new ClientsPage(page).expectShown();
    expect(await vault.call('vault.pendingRecoveryCode', {})).toEqual({ pending: null });
  });
});
