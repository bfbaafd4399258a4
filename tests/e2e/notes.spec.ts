import { AppShell } from './pages/AppShell';
import { ClientFilePage } from './pages/ClientFilePage';
import { ClientsPage } from './pages/ClientsPage';
import { UnlockPage } from './pages/UnlockPage';
import { expect, PASSPHRASE, test, USER, type Vault } from './fixtures';

const CLIENT = 'Jordan Ellis';

async function vaultWithClient(vault: Vault): Promise<string> {
  await vault.create();
  const client = await vault.call('clients.create', { name: CLIENT, preferredName: 'Jo', dateOfBirth: '1986-04-12' });
  return client.id;
}

async function openClient(page: import('@playwright/test').Page): Promise<ClientFilePage> {
  const clients = new ClientsPage(page);
  await clients.expectShown();
  await clients.open(CLIENT);
  const file = new ClientFilePage(page);
  await file.expectShown(CLIENT);
  return file;
}

test.describe('notes', () => {
  test('a draft autosaves, survives reload and lock, then is finalised and can no longer be edited', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    const clientId = await vaultWithClient(vault);
    await openApp();
    let file = await openClient(page);
    await expect(file.autosaveStatus).toHaveText('Your note is saved as a draft automatically as you type.');

    const firstPart = 'Jo arrived on time and talked about the move to Leeds.';
    await file.editor.fill(firstPart);
    await expect(file.autosaveStatus).toHaveText('Draft saved at 14:32');
    const saved = await vault.call('notes.list', { clientId });
    expect(saved.notes).toHaveLength(1);
    expect(saved.notes[0]).toMatchObject({ status: 'draft', body: firstPart });
    await checkAccessibility('client file with draft');
    await saveScreenshot('14-note-draft-saved');

    // A reload keeps the vault unlocked (it lives in main); the draft comes back from the vault.
    await page.reload();
    file = await openClient(page);
    await expect(file.editor).toHaveValue(firstPart);
    await expect(file.autosaveStatus).toHaveText('Draft saved at 14:32');
    await expect(file.draftNotes()).toContainText('This draft is open in the editor.');

    // Lock and unlock: still there, and only one draft exists.
    await new AppShell(page).lock();
    const unlock = new UnlockPage(page);
    await unlock.expectShown();
    await unlock.unlock(USER, PASSPHRASE);
    file = await openClient(page);
    await expect(file.editor).toHaveValue(firstPart);

    // Blur saves at once, without waiting for the debounce.
    vault.clock.advance(60_000);
    const fullNote = `${firstPart}\nWe agreed to meet weekly for six weeks.`;
    await file.editor.fill(fullNote);
    await file.editor.press('Tab');
    await expect(file.autosaveStatus).toHaveText('Draft saved at 14:33');
    expect((await vault.call('notes.list', { clientId })).notes).toHaveLength(1);

    // The confirmation can be dismissed with Escape; nothing is finalised.
    await file.finaliseButton.click();
    await expect(file.confirmDialog).toBeVisible();
    await expect(file.confirmDialog).toContainText('can no longer be edited');
    await expect(file.confirmDialog.getByRole('button', { name: 'Keep editing' })).toBeFocused();
    await saveScreenshot('15-finalise-confirm');
    await page.keyboard.press('Escape');
    await expect(file.confirmDialog).toBeHidden();
    await expect(file.finaliseButton).toBeFocused();
    expect((await vault.call('notes.list', { clientId })).notes[0]?.status).toBe('draft');

    await file.finalise();
    await expect(file.finalNotes()).toHaveCount(1);
    await expect(file.finalNotes()).toContainText('Final by Sam Okafor · 23 November 2026 at 14:33');
    await expect(file.finalNotes()).toContainText('We agreed to meet weekly for six weeks.');
    await expect(file.draftNotes()).toHaveCount(0);
    // The editor now holds a new, empty note; the final one has no control that could change it.
    await expect(file.editor).toHaveValue('');
    await expect(file.editor).toBeFocused();
    await expect(file.finaliseButton).toBeDisabled();
    await expect(file.finalNotes().getByRole('textbox')).toHaveCount(0);
    await expect(file.finalNotes().getByRole('button')).toHaveCount(0);
    const after = await vault.call('notes.list', { clientId });
    expect(after.notes).toHaveLength(1);
    expect(after.notes[0]).toMatchObject({ status: 'final', body: fullNote, authorName: USER });
    await checkAccessibility('client file with final note');
    await saveScreenshot('16-note-final');

    // Re-opening the file does not bring the finalised note back into the editor.
    await file.backToClients.click();
    file = await openClient(page);
    await expect(file.editor).toHaveValue('');
    await expect(file.finalNotes()).toHaveCount(1);
  });

  test('text typed just before Lock is saved before the vault locks', async ({ page, vault, openApp }) => {
    const clientId = await vaultWithClient(vault);
    await openApp();
    const file = await openClient(page);
    await file.editor.fill('Typed moments before locking.');
    // No waiting for the autosave: Lock must flush it first.
    await new AppShell(page).lock();
    await new UnlockPage(page).expectShown();
    await vault.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    const notes = await vault.call('notes.list', { clientId });
    expect(notes.notes.map((note) => note.body)).toEqual(['Typed moments before locking.']);
  });

  test('an idle lock from main clears the screen to Unlock and leaves no client data in the page', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    await vaultWithClient(vault);
    await openApp();
    const file = await openClient(page);
    await file.editor.fill('Private words about the session.');
    await expect(file.autosaveStatus).toHaveText('Draft saved at 14:32');

    await vault.lockFromMain('idle');
    const unlock = new UnlockPage(page);
    await unlock.expectShown();
    await expect(unlock.notice).toContainText('Confide locked the vault to keep your records private.');
    const html = await page.content();
    expect(html).not.toContain(CLIENT);
    expect(html).not.toContain('Private words');
    expect(html).not.toContain('C-0001');
    await expect(page.getByRole('banner')).not.toContainText('Signed in as');
    await checkAccessibility('unlock after idle lock');
    await saveScreenshot('17-idle-locked');

    // Unlocking starts again from the client list, not inside a client's file.
    await unlock.unlock(USER, PASSPHRASE);
    await new ClientsPage(page).expectShown();
  });
});
