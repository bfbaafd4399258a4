import type { Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { ClientFilePage } from './pages/ClientFilePage';
import { ClientsPage } from './pages/ClientsPage';
import { fieldError } from './pages/fieldError';
import { SessionDialog } from './pages/SessionDialog';
import { UnlockPage } from './pages/UnlockPage';
import { expect, test, type Vault } from './fixtures';

const ALEX = 'Alex Rivers';
const BLAKE = 'Blake Rivers';
const DEE = { name: 'Dee Director', passphrase: 'dee directs the whole practice' };
const NOTE_WORDS = 'HARBOURWORD Alex spoke about the move.';

async function openFile(page: Page, name: string): Promise<ClientFilePage> {
  await new AppShell(page).clientsLink.click();
  const clients = new ClientsPage(page);
  await expect(clients.heading).toBeVisible();
  await clients.open(name);
  const file = new ClientFilePage(page);
  await file.expectShown(name);
  return file;
}

/** A couple case whose session was recorded as joint, on the wrong day, with a finalised note. */
async function jointSessionRecordedWrongly(vault: Vault) {
  await vault.create();
  const alex = await vault.call('clients.create', { name: ALEX });
  const blake = await vault.call('clients.create', { name: BLAKE });
  const kase = await vault.call('cases.create', { kind: 'couple', participantIds: [alex.id, blake.id], openedOn: '2026-11-01' });
  const session = await vault.call('sessions.create', {
    caseId: kase.id,
    startsAt: '2026-11-02T10:00',
    durationMinutes: 50,
    modality: 'in-person',
    status: 'attended',
    attendeeIds: [alex.id, blake.id],
  });
  const draft = await vault.call('notes.saveDraft', { about: { type: 'session', sessionId: session.id }, body: NOTE_WORDS });
  await vault.call('notes.finalise', { noteId: draft.noteId, clientId: alex.id });
  return { alex, blake, session };
}

test.describe('correcting a session', () => {
  test('the therapist corrects date, time, duration, modality and attendance from the timeline; history is kept', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    const { alex, blake } = await jointSessionRecordedWrongly(vault);
    await openApp();
    let file = await openFile(page, ALEX);
    const wrong = file.session('2 November 2026');
    await expect(wrong.kind).toHaveText('Joint — with Blake Rivers (C-0002)');
    await wrong.correct.click();

    const dialog = new SessionDialog(page, 'correct');
    await expect(dialog.dialog).toBeVisible();
    // The dialog opens with the session as recorded.
    await expect(dialog.date.getByRole('textbox', { name: 'Day' })).toHaveValue('2');
    await expect(dialog.date.getByRole('textbox', { name: 'Month' })).toHaveValue('11');
    await expect(dialog.date.getByRole('textbox', { name: 'Year' })).toHaveValue('2026');
    await expect(dialog.time.getByRole('textbox', { name: 'Hour' })).toHaveValue('10');
    await expect(dialog.duration).toHaveValue('50');
    await expect(dialog.dialog.getByRole('radio', { name: 'In person' })).toBeChecked();
    await expect(dialog.attendee(ALEX)).toBeChecked();
    await expect(dialog.attendee(BLAKE)).toBeChecked();

    // Marked attended a year ahead: the core's clock refuses it, next to the attendance.
    await dialog.fill({ date: ['3', '11', '2027'], time: ['11', '15'], duration: '80', modality: 'Video', attendees: [ALEX] });
    await dialog.submit.click();
    await expect(fieldError(dialog.attendance)).toHaveText(
      'A session that has not started yet can be booked or cancelled, but not marked as attended or did not attend.',
    );
    await checkAccessibility('correct a session: refused');
    await saveScreenshot('60-correct-session-future-attended');

    await dialog.fill({ date: ['3', '11', '2026'], time: ['11', '15'], duration: '80', modality: 'Video', attendees: [ALEX] });
    await dialog.reason.fill('Entered on the wrong day; Blake did not come.');
    await checkAccessibility('correct a session');
    await saveScreenshot('61-correct-session-dialog');
    await dialog.submit.click();
    await expect(dialog.dialog).toBeHidden();
    await expect(file.notice).toHaveText('Session corrected: Tuesday 3 November 2026 at 11:15.');

    const corrected = file.session('3 November 2026');
    await expect(corrected.kind).toHaveText('Individual');
    await expect(corrected.item).toContainText('80 minutes · Video · Attended');
    await expect(corrected.notes).toContainText('HARBOURWORD');
    await expect(file.sessions).toHaveCount(1);
    await corrected.history.getByText('Corrected once').click();
    await expect(corrected.history).toContainText('by Sam Okafor');
    await expect(corrected.history).toContainText('Entered on the wrong day; Blake did not come.');
    await expect(corrected.history).toContainText(
      'Before: Monday 2 November 2026 at 10:00 · 50 minutes · In person · Attended · with Alex Rivers (C-0001) and Blake Rivers (C-0002)',
    );
    await checkAccessibility('client file with a corrected session');
    await saveScreenshot('62-corrected-session-history');

    // Blake was not there: the session and its note have left Blake's file, and its search.
    file = await openFile(page, BLAKE);
    await expect(file.timeline).toContainText('No sessions recorded.');
    await file.searchNotes('HARBOURWORD');
    await expect(file.searchStatus).toHaveText('No notes in this file mention “HARBOURWORD”.');
    expect(await page.content()).not.toContain('Alex spoke about the move');

    const [alexSessions, blakeSessions] = await Promise.all([
      vault.call('sessions.list', { clientId: alex.id }),
      vault.call('sessions.list', { clientId: blake.id }),
    ]);
    expect(alexSessions.sessions).toMatchObject([{ startsAt: '2026-11-03T11:15', durationMinutes: 80, modality: 'video', corrections: [{}] }]);
    expect(blakeSessions.sessions).toEqual([]);
  });

  test('taking the client out of a session takes it out of their file, and says so', async ({ page, vault, openApp }) => {
    await jointSessionRecordedWrongly(vault);
    await openApp();
    const file = await openFile(page, BLAKE);
    await file.session('2 November 2026').correct.click();
    const dialog = new SessionDialog(page, 'correct');
    await dialog.attendee(BLAKE).uncheck();
    await dialog.submit.click();
    await expect(dialog.dialog).toBeHidden();
    await expect(file.notice).toHaveText('Session corrected. Blake Rivers was not at it, so it is no longer in this file.');
    await expect(file.timeline).toContainText('No sessions recorded.');
    await expect(page.getByRole('heading', { name: 'Sessions' })).toBeFocused();
  });

  test('a director who is not the case’s therapist sees the history of dates but cannot correct', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
  }) => {
    const { session } = await jointSessionRecordedWrongly(vault);
    await vault.call('sessions.update', { sessionId: session.id, durationMinutes: 55, reason: 'Ran over: a hard conversation' });
    await vault.call('users.create', { name: DEE.name, roles: ['director'], passphrase: DEE.passphrase });
    await vault.call('vault.lock', {});
    await openApp();
    const unlock = new UnlockPage(page);
    await unlock.expectShown();
    await unlock.unlock(DEE.name, DEE.passphrase);
    const file = await openFile(page, ALEX);
    const item = file.session('2 November 2026');
    await expect(item.item).toContainText('55 minutes');
    await expect(item.correct).toHaveCount(0);
    await item.history.getByText('Corrected once').click();
    await expect(item.history).toContainText('Before: Monday 2 November 2026 at 10:00 · 50 minutes');
    await expect(item.history).not.toContainText('hard conversation');
    await saveScreenshot('63-director-sees-session-history');
  });
});
