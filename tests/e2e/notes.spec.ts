import type { Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { ClientFilePage } from './pages/ClientFilePage';
import { ClientsPage } from './pages/ClientsPage';
import { NotePage } from './pages/NotePage';
import { UnlockPage } from './pages/UnlockPage';
import { expect, PASSPHRASE, test, USER, type Vault } from './fixtures';

const CLIENT = 'Jordan Ellis';

async function vaultWithClient(vault: Vault): Promise<string> {
  await vault.create();
  const client = await vault.call('clients.create', { name: CLIENT, preferredName: 'Jo', dateOfBirth: '1986-04-12' });
  return client.id;
}

async function openClient(page: Page): Promise<ClientFilePage> {
  const clients = new ClientsPage(page);
  await clients.expectShown();
  await clients.open(CLIENT);
  const file = new ClientFilePage(page);
  await file.expectShown(CLIENT);
  return file;
}

/** From the client list to the editor for a client note (a new one, or this person's draft). */
async function openClientNote(page: Page): Promise<NotePage> {
  const file = await openClient(page);
  await file.writeClientNote.click();
  const note = new NotePage(page);
  await note.expectShown('Client note');
  return note;
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
    let note = await openClientNote(page);
    await expect(note.autosaveStatus).toHaveText('Your note is saved as a draft automatically as you type.');
    await expect(note.subjects).toHaveText('About: Jordan Ellis (C-0001). It appears in this client’s file only.');

    const firstPart = 'Jo arrived on time and talked about the move to Leeds.';
    await note.editor.fill(firstPart);
    await expect(note.autosaveStatus).toHaveText('Draft saved at 14:32');
    const saved = await vault.call('notes.list', { clientId });
    expect(saved.notes).toHaveLength(1);
    expect(saved.notes[0]).toMatchObject({ status: 'draft', kind: 'client', body: firstPart });
    await checkAccessibility('note editor with draft');
    await saveScreenshot('14-note-draft-saved');

    // A reload keeps the vault unlocked (it lives in main); the draft comes back from the vault.
    await page.reload();
    let file = await openClient(page);
    await expect(file.draftNotes()).toContainText(firstPart);
    await expect(file.writeClientNote).toHaveText('Continue client note draft');
    await file.writeClientNote.click();
    note = new NotePage(page);
    await note.expectShown('Client note');
    await expect(note.editor).toHaveValue(firstPart);
    await expect(note.autosaveStatus).toHaveText('Draft saved at 14:32');

    // Lock and unlock: still there, and only one draft exists.
    await new AppShell(page).lock();
    const unlock = new UnlockPage(page);
    await unlock.expectShown();
    await unlock.unlock(USER, PASSPHRASE);
    note = await openClientNote(page);
    await expect(note.editor).toHaveValue(firstPart);

    // Blur saves at once, without waiting for the debounce.
    vault.clock.advance(60_000);
    const fullNote = `${firstPart}\nWe agreed to meet weekly for six weeks.`;
    await note.editor.fill(fullNote);
    await note.editor.press('Tab');
    await expect(note.autosaveStatus).toHaveText('Draft saved at 14:33');
    expect((await vault.call('notes.list', { clientId })).notes).toHaveLength(1);

    // The confirmation can be dismissed with Escape; nothing is finalised.
    await note.finaliseButton.click();
    await expect(note.confirmDialog).toBeVisible();
    await expect(note.confirmDialog).toContainText('can no longer be edited');
    await expect(note.confirmDialog.getByRole('button', { name: 'Keep editing' })).toBeFocused();
    await saveScreenshot('15-finalise-confirm');
    await page.keyboard.press('Escape');
    await expect(note.confirmDialog).toBeHidden();
    await expect(note.finaliseButton).toBeFocused();
    expect((await vault.call('notes.list', { clientId })).notes[0]?.status).toBe('draft');

    await note.finalise();
    await expect(note.notice).toContainText('Note finalised and signed.');
    await expect(note.signature).toContainText('Finalised by Sam Okafor on 23 November 2026 at 14:33');
    await expect(note.currentText).toHaveText(fullNote);
    // A finalised note has no text box: it can be amended (with a reason), never edited in place.
    await expect(page.getByRole('main').getByRole('textbox')).toHaveCount(0);
    await expect(note.amendButton).toBeVisible();
    const after = await vault.call('notes.list', { clientId });
    expect(after.notes).toHaveLength(1);
    expect(after.notes[0]).toMatchObject({ status: 'final', body: fullNote, authorName: USER });
    await checkAccessibility('finalised note');
    await saveScreenshot('16-note-final');

    // In the file, the note is final and offers only to be opened; writing starts a new, empty note.
    await note.backToFile.click();
    file = new ClientFilePage(page);
    await file.expectShown(CLIENT);
    await expect(file.finalNotes()).toHaveCount(1);
    await expect(file.finalNotes()).toContainText('Final Client note by Sam Okafor · 23 November 2026 at 14:33');
    await expect(file.finalNotes()).toContainText('We agreed to meet weekly for six weeks.');
    await expect(file.draftNotes()).toHaveCount(0);
    await expect(file.finalNotes().getByRole('textbox')).toHaveCount(0);
    await expect(file.finalNotes().getByRole('button')).toHaveText([/^Open note/]);
    await expect(file.writeClientNote).toHaveText('Write client note');
    await file.writeClientNote.click();
    note = new NotePage(page);
    await note.expectShown('Client note');
    await expect(note.editor).toHaveValue('');
    await expect(note.finaliseButton).toBeDisabled();
  });

  test('text typed just before Lock is saved before the vault locks', async ({ page, vault, openApp }) => {
    const clientId = await vaultWithClient(vault);
    await openApp();
    const note = await openClientNote(page);
    await note.editor.fill('Typed moments before locking.');
    // No waiting for the autosave: Lock must flush it first.
    await new AppShell(page).lock();
    await new UnlockPage(page).expectShown();
    await vault.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    const notes = await vault.call('notes.list', { clientId });
    expect(notes.notes.map((n) => n.body)).toEqual(['Typed moments before locking.']);
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
    const note = await openClientNote(page);
    await note.editor.fill('Private words about the session.');
    await expect(note.autosaveStatus).toHaveText('Draft saved at 14:32');

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
