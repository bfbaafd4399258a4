import { AppShell } from './pages/AppShell';
import { ClientFilePage } from './pages/ClientFilePage';
import { ClientsPage } from './pages/ClientsPage';
import { fieldError } from './pages/fieldError';
import { UnlockPage } from './pages/UnlockPage';
import { UsersPage } from './pages/UsersPage';
import { expect, PASSPHRASE, test, USER } from './fixtures';

const THERAPIST = 'Robin Hale';
const THERAPIST_PASSPHRASE = 'harbour violet meadow sixteen';

test.describe('users', () => {
  test('a director adds a therapist, who then sees only their own caseload; the director sees identity, not notes', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    await vault.create();
    const directorsClient = await vault.call('clients.create', { name: 'Priya Raman' });
    await vault.call('notes.saveDraft', {
      about: { type: 'client', clientId: directorsClient.id, kind: 'client' },
      body: 'DIRECTOR-ONLY words',
    });
    await openApp();
    const clients = new ClientsPage(page);
    await clients.expectShown();
    await expect(clients.rows).toHaveCount(1);

    const shell = new AppShell(page);
    await shell.usersLink.click();
    const users = new UsersPage(page);
    await users.expectShown();
    await expect(shell.usersLink).toHaveAttribute('aria-current', 'page');
    await expect(users.row(USER)).toContainText('Practice director, Therapist');

    await users.addButton.click();
    await expect(users.dialog).toBeVisible();
    await expect(users.name).toBeFocused();
    await expect(users.role('Therapist')).toBeChecked();
    await expect(users.role('Practice director')).not.toBeChecked();
    await users.name.fill(THERAPIST);
    await users.passphrase.fill('password');
    await expect(users.strength).toContainText('Strength: Very weak');
    await users.confirm.fill('password');
    await users.submit.click();
    await expect(fieldError(users.passphrase)).toHaveText('Passphrase must be at least 12 characters');
    await expect(users.passphrase).toBeFocused();
    await checkAccessibility('add user');
    await saveScreenshot('33-add-user-weak');

    await users.passphrase.fill(THERAPIST_PASSPHRASE);
    await users.confirm.fill(THERAPIST_PASSPHRASE);
    await expect(users.strength).toContainText(/Strength: (Strong|Very strong)/);
    await users.submit.click();
    await expect(users.dialog).toBeHidden();
    await expect(users.notice).toHaveText(
      `Added ${THERAPIST}. They can now unlock Confide with their name and the passphrase you set.`,
    );
    await expect(users.row(THERAPIST)).toContainText('Therapist');
    await expect(users.row(THERAPIST)).not.toContainText('director');
    await checkAccessibility('users');
    await saveScreenshot('34-users');

    // The therapist unlocks with their own name and passphrase: an empty caseload, and no Users screen.
    await shell.lock();
    const unlock = new UnlockPage(page);
    await unlock.expectShown();
    await unlock.unlock(THERAPIST, THERAPIST_PASSPHRASE);
    await clients.expectShown();
    await shell.expectSignedIn('Riverside Counselling', THERAPIST);
    await clients.statusFilter.selectOption('all');
    await expect(clients.resultCount).toHaveText('No clients yet.');
    await expect(clients.rows).toHaveCount(0);
    await expect(shell.usersLink).toHaveCount(0);
    await clients.searchFor('P');
    await expect(clients.resultCount).toHaveText('No clients match “P”.');
    expect(await page.content()).not.toContain('Priya Raman');
    await saveScreenshot('35-therapist-empty-caseload');

    // The therapist's own client, with a note.
    const own = await vault.call('clients.create', { name: 'Morgan Lee' });
    const draft = await vault.call('notes.saveDraft', {
      about: { type: 'client', clientId: own.id, kind: 'client' },
      body: 'THERAPIST-ONLY words',
    });
    await vault.call('notes.finalise', { noteId: draft.noteId, clientId: own.id });

    // Back as the director: Morgan's identity is visible, the note content is refused calmly.
    await shell.lock();
    await unlock.expectShown();
    await unlock.unlock(USER, PASSPHRASE);
    await clients.expectShown();
    await clients.open('Morgan Lee');
    const file = new ClientFilePage(page);
    await file.expectShown('Morgan Lee');
    await expect(file.notesRefused).toHaveText(
      'Note content is readable only by the client’s therapist. You can see this client’s details, cases and session dates.',
    );
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(file.detail('Therapist')).toHaveText(THERAPIST);
    await expect(file.notes).toHaveCount(0);
    expect(await page.content()).not.toContain('THERAPIST-ONLY');
    await checkAccessibility('director viewing another therapist’s client');
    await saveScreenshot('36-director-notes-refused');
  });

  test('a therapist’s searches by name and by note text cover their own caseload only', async ({
    page,
    vault,
    openApp,
  }) => {
    await vault.create();
    const priya = await vault.call('clients.create', { name: 'Priya Raman' });
    await vault.call('notes.saveDraft', { about: { type: 'client', clientId: priya.id, kind: 'client' }, body: 'SHARED-WORD from Sam' });
    await vault.call('users.create', { name: THERAPIST, roles: ['therapist'], passphrase: THERAPIST_PASSPHRASE });
    vault.core.lock('user');
    await vault.call('vault.unlock', { userName: THERAPIST, passphrase: THERAPIST_PASSPHRASE });
    const own = await vault.call('clients.create', { name: 'Morgan Lee' });
    const draft = await vault.call('notes.saveDraft', {
      about: { type: 'client', clientId: own.id, kind: 'client' },
      body: 'SHARED-WORD from Robin',
    });
    await vault.call('notes.finalise', { noteId: draft.noteId, clientId: own.id });
    await openApp();
    const clients = new ClientsPage(page);
    await clients.expectShown();
    await clients.searchFor('Priya');
    await expect(clients.resultCount).toHaveText('No clients match “Priya”.');
    await expect(clients.noteHitCount).toHaveText('No notes you can read mention “Priya”.', { timeout: 3_000 });
    await clients.searchFor('SHARED-WORD');
    await expect(clients.noteHitCount).toHaveText('1 note mentions “SHARED-WORD”', { timeout: 3_000 });
    await expect(clients.noteHits).toContainText('Morgan Lee');
    expect(await page.content()).not.toContain('from Sam');
  });
});
