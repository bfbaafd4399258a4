import type { Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { ClientFilePage } from './pages/ClientFilePage';
import { ClientsPage } from './pages/ClientsPage';
import { fieldError } from './pages/fieldError';
import { NewCasePage } from './pages/NewCasePage';
import { NotePage } from './pages/NotePage';
import { SessionDialog, type SessionEntry } from './pages/SessionDialog';
import { coupleWithJointNote as jointNoteScenario } from '../support/practices';
import { expect, test, type Vault } from './fixtures';

const ALEX = 'Alex Rivers';
const BLAKE = 'Blake Rivers';

/** A marker no other text in the vault contains, so finding it (or not) means exactly one note. */
function marker(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
}

async function openFile(page: Page, name: string): Promise<ClientFilePage> {
  // From any screen: the top bar's Clients (focus stays on it when the list is already showing).
  await new AppShell(page).clientsLink.click();
  const clients = new ClientsPage(page);
  await expect(clients.heading).toBeVisible();
  // A client whose every case is closed is listed under "closed", so look through all.
  await clients.statusFilter.selectOption('all');
  await clients.searchFor('');
  await clients.open(name);
  const file = new ClientFilePage(page);
  await file.expectShown(name);
  return file;
}

async function recordSession(page: Page, file: ClientFilePage, caseReference: string, entry: SessionEntry): Promise<void> {
  await file.recordSessionIn(caseReference).click();
  const dialog = new SessionDialog(page);
  await expect(dialog.dialog).toBeVisible();
  await dialog.fill(entry);
  await dialog.submit.click();
  await expect(dialog.dialog).toBeHidden();
  await expect(file.notice).toContainText('recorded.');
}

async function writeSessionNote(page: Page, file: ClientFilePage, date: string, text: string): Promise<NotePage> {
  await file.session(date).writeNote.click();
  const note = new NotePage(page);
  await note.expectShown('Session note');
  await note.writeAndFinalise(text);
  return note;
}

/** A couple case with a finalised joint session note, set up directly in the core. */
async function coupleWithJointNote(vault: Vault, body: string) {
  await vault.create();
  return jointNoteScenario((method, input) => vault.call(method, input), body);
}

test.describe('client records', () => {
  test('a couple case: joint and individual sessions appear only in the files of those who attended', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    test.slow();
    const joint = marker('JOINT');
    const alexAlone = marker('A-ALONE');
    const blakeAlone = marker('B-ALONE');
    await vault.create();
    await openApp();
    const clients = new ClientsPage(page);
    await clients.expectShown();
    await clients.add(ALEX);
    await clients.add(BLAKE);

    // The wizard: kind, then who (Alex is already in), then the opening date.
    let file = await openFile(page, ALEX);
    await file.newCase.click();
    const wizard = new NewCasePage(page);
    await wizard.expectShown();
    await wizard.continueButton.click();
    await expect(fieldError(page.getByRole('radio', { name: /^Individual/ }))).toHaveText('Choose the kind of case');
    await checkAccessibility('new case: kind');
    await saveScreenshot('20-new-case-kind');
    await wizard.chooseKind('Couple');
    await expect(wizard.chosen.getByRole('listitem')).toHaveText([/Alex Rivers C-0001/]);
    await wizard.continueButton.click();
    await expect(wizard.participantsError).toHaveText('A couple case has exactly two clients. 1 client is chosen.');
    await expect(wizard.participantsError).toBeFocused();
    await wizard.add(BLAKE);
    await checkAccessibility('new case: participants');
    await saveScreenshot('21-new-case-participants');
    await wizard.continueButton.click();
    await expect(wizard.stepHeading).toHaveText('Step 3 of 3: Opening date');
    await wizard.setOpenedOn(['1', '11', '2026']);
    await checkAccessibility('new case: date');
    await saveScreenshot('22-new-case-date');
    await wizard.openCaseButton.click();

    file = new ClientFilePage(page);
    await file.expectShown(ALEX);
    await expect(file.notice).toHaveText('Opened couple case K-0001 with Alex Rivers (C-0001) and Blake Rivers (C-0002).');
    await expect(file.caseItem('K-0001')).toContainText('Couple case K-0001 Open');
    await expect(file.caseItem('K-0001')).toContainText('WithAlex Rivers (C-0001) and Blake Rivers (C-0002)');
    await expect(file.caseItem('K-0001')).toContainText('TherapistSam Okafor');
    await expect(file.caseItem('K-0001')).toContainText('Opened1 November 2026');

    // The joint session: nobody is ticked in couple work, so forgetting to choose is caught.
    await file.recordSessionIn('K-0001').click();
    const dialog = new SessionDialog(page);
    await expect(dialog.dialog).toBeVisible();
    await dialog.fill({ date: ['2', '11', '2026'], time: ['10', '00'], attendees: [] });
    await dialog.submit.click();
    await expect(fieldError(dialog.attendee(ALEX))).toHaveText('Choose who the session was with: tick at least one client');
    await expect(dialog.attendee(ALEX)).toBeFocused();
    await checkAccessibility('record a session with no one ticked');
    await saveScreenshot('23-session-no-attendees');
    await dialog.attendee(ALEX).check();
    await dialog.attendee(BLAKE).check();
    await dialog.submit.click();
    await expect(dialog.dialog).toBeHidden();
    await expect(file.notice).toHaveText('Session on Monday 2 November 2026 at 10:00 recorded.');

    await file.session('2 November 2026').writeNote.click();
    let note = new NotePage(page);
    await note.expectShown('Session note');
    await expect(note.context).toContainText('Joint — with Blake Rivers (C-0002)');
    await expect(note.subjects).toHaveText(
      'About: Alex Rivers (C-0001) and Blake Rivers (C-0002). It appears in each of their files, and in no one else’s.',
    );
    await note.editor.fill(`${joint} Both talked about the holiday plans.`);
    await expect(note.autosaveStatus).toHaveText(/^Draft saved at/);
    await checkAccessibility('session note editor');
    await saveScreenshot('24-session-note-joint');
    await note.finalise();
    await note.backToFile.click();
    file = new ClientFilePage(page);
    await file.expectShown(ALEX);

    // Alex alone.
    await recordSession(page, file, 'K-0001', { date: ['9', '11', '2026'], time: ['11', '00'], modality: 'Video', attendees: [ALEX] });
    note = await writeSessionNote(page, file, '9 November 2026', `${alexAlone} Alex spoke about work.`);
    await expect(note.subjects).toHaveText('About: Alex Rivers (C-0001). It appears in this client’s file only.');

    // Blake alone, recorded from Blake's file.
    file = await openFile(page, BLAKE);
    await recordSession(page, file, 'K-0001', { date: ['16', '11', '2026'], time: ['15', '30'], attendees: [BLAKE] });
    await writeSessionNote(page, file, '16 November 2026', `${blakeAlone} Blake spoke about family.`);

    // Blake's file: the joint session (naming Alex) and Blake's own; nothing of Alex's individual session.
    file = await openFile(page, BLAKE);
    await expect(file.sessions).toHaveCount(2);
    await expect(file.session('2 November 2026').kind).toHaveText('Joint — with Alex Rivers (C-0001)');
    await expect(file.session('2 November 2026').notes).toContainText(joint);
    await expect(file.session('2 November 2026').notes).toContainText('Also about Alex Rivers (C-0001)');
    await expect(file.session('16 November 2026').kind).toHaveText('Individual');
    await expect(file.session('16 November 2026').notes).toContainText(blakeAlone);
    let html = await page.content();
    expect(html).not.toContain(alexAlone);
    expect(html).not.toContain('9 November 2026');

    // Alex's file: the joint session (naming Blake) and Alex's own; nothing of Blake's individual session.
    file = await openFile(page, ALEX);
    await expect(file.sessions).toHaveCount(2);
    const jointSession = file.session('2 November 2026');
    await expect(jointSession.kind).toHaveText('Joint — with Blake Rivers (C-0002)');
    await expect(jointSession.item).toContainText('50 minutes · In person · Attended · Couple case K-0001');
    await expect(jointSession.notes).toContainText(joint);
    const aloneSession = file.session('9 November 2026');
    await expect(aloneSession.kind).toHaveText('Individual');
    await expect(aloneSession.item).toContainText('Video');
    await expect(aloneSession.notes).toContainText(alexAlone);
    // Individual and joint are told apart by icon and words, not colour alone.
    await expect(jointSession.kind.locator('svg')).toHaveCount(1);
    await expect(aloneSession.kind.locator('svg')).toHaveCount(1);
    html = await page.content();
    expect(html).not.toContain(blakeAlone);
    expect(html).not.toContain('16 November 2026');
    await checkAccessibility('client file with a couple case');
    await saveScreenshot('25-client-file-timeline');

    // Searching Alex's file for Blake's words finds nothing; the joint note is found.
    await file.searchNotes(blakeAlone);
    await expect(file.searchStatus).toHaveText(`No notes in this file mention “${blakeAlone}”.`);
    await expect(file.searchHits).toHaveCount(0);
    await file.searchNotes(joint);
    await expect(file.searchStatus).toHaveText(`1 note mentions “${joint}”`);
    await expect(file.searchHits).toContainText(joint);
    expect(await page.content()).not.toContain(blakeAlone);

    // Searching every file: Blake's words are found under Blake only; the joint note under both.
    await new AppShell(page).clientsLink.click();
    await expect(clients.heading).toBeFocused();
    await clients.statusFilter.selectOption('all');
    await clients.searchFor(blakeAlone);
    await expect(clients.resultCount).toHaveText(`No clients match “${blakeAlone}”.`);
    await expect(clients.noteHitCount).toHaveText(`1 note mentions “${blakeAlone}”`);
    await expect(clients.noteHits).toHaveCount(1);
    await expect(clients.noteHits).toContainText('C-0002 Blake Rivers');
    await expect(clients.noteHits).not.toContainText(ALEX);
    await clients.searchFor(joint);
    await expect(clients.noteHits).toHaveCount(2);
    await expect(clients.noteHits.filter({ hasText: 'C-0001 Alex Rivers' })).toContainText(joint);
    await expect(clients.noteHits.filter({ hasText: 'C-0002 Blake Rivers' })).toContainText(joint);
    await clients.searchFor('Rivers');
    await expect(clients.rows).toHaveCount(2);
    await clients.searchFor(joint);
    await expect(clients.noteHits).toHaveCount(2);
    await checkAccessibility('clients with note search');
    await saveScreenshot('26-clients-note-search');

    // A note hit opens that client's file.
    await clients.noteHits.filter({ hasText: 'Blake Rivers' }).getByRole('button').click();
    await new ClientFilePage(page).expectShown(BLAKE);
  });

  test('a finalised note is amended with a reason, keeps its history, and takes the client’s comment', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    const original = 'Both attended. Agreed to meet on Thursdays.';
    const { noteId, alex, blake } = await coupleWithJointNote(vault, original);
    await openApp();
    const file = await openFile(page, ALEX);
    await file.session('2 November 2026').notes.getByRole('button', { name: /^Open note/ }).click();
    const note = new NotePage(page);
    await note.expectShown('Session note');
    await expect(note.currentText).toHaveText(original);
    await expect(page.getByRole('main').getByRole('textbox')).toHaveCount(0);

    // Amend: the reason is required.
    vault.clock.advance(5 * 60_000);
    await note.amendButton.click();
    const amend = note.amendDialog;
    await expect(amend.dialog).toBeVisible();
    await expect(amend.text).toBeFocused();
    await expect(amend.text).toHaveValue(original);
    await amend.text.fill('Both attended. Agreed to meet on Tuesdays.');
    await amend.save.click();
    await expect(amend.reasonError()).toHaveText('Give a reason for the amendment');
    await expect(amend.reason).toBeFocused();
    await checkAccessibility('amend dialog');
    await saveScreenshot('27-amend-needs-reason');
    await amend.reason.fill('Wrong day recorded');
    await amend.save.click();
    await expect(amend.dialog).toBeHidden();
    await expect(note.notice).toHaveText('Amendment saved. The original text stays in the note’s history.');
    await expect(note.currentText).toHaveText('Both attended. Agreed to meet on Tuesdays.');
    await expect(note.signature).toContainText('Last amended by Sam Okafor on 23 November 2026 at 14:37');

    // History: the original and the amendment, each with author, time and reason.
    await expect(note.history).toBeHidden();
    await note.historyButton.click();
    await expect(note.historyButton).toHaveAttribute('aria-expanded', 'true');
    const entries = note.history.getByRole('listitem');
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toContainText('Original — finalised by Sam Okafor on 23 November 2026 at 14:32');
    await expect(entries.nth(0)).toContainText(original);
    await expect(entries.nth(1)).toContainText('Amendment 1 — by Sam Okafor on 23 November 2026 at 14:37');
    await expect(entries.nth(1)).toContainText('Reason: Wrong day recorded');
    await expect(entries.nth(1)).toContainText('Tuesdays');

    // The client's comment on accuracy, recorded as Alex's own: this is Alex's file.
    await note.commentButton.click();
    const comment = note.commentDialog;
    await expect(comment.dialog).toBeVisible();
    await expect(comment.commenter).toContainText('Comment from: Alex Rivers (C-0001)');
    await comment.record.click();
    await expect(fieldError(comment.comment)).toHaveText('Enter the client’s comment');
    await comment.comment.fill('I said I would try Tuesdays, not that I agreed.');
    await checkAccessibility('client comment dialog');
    await saveScreenshot('28-client-comment');
    await comment.record.click();
    await expect(comment.dialog).toBeHidden();
    await expect(note.comments).toContainText(
      'Comment from Alex Rivers (C-0001) on the accuracy of this note, recorded by Sam Okafor on 23 November 2026 at 14:37:',
    );
    await expect(note.comments).toContainText('I said I would try Tuesdays, not that I agreed.');
    await checkAccessibility('amended note with history and comment');
    await saveScreenshot('29-note-history');

    const stored = await vault.call('notes.get', { noteId, clientId: alex.id });
    expect(stored).toMatchObject({
      body: original,
      currentBody: 'Both attended. Agreed to meet on Tuesdays.',
      amendments: [{ reason: 'Wrong day recorded', authorName: 'Sam Okafor' }],
      clientComments: [{ clientRef: { name: ALEX }, comment: 'I said I would try Tuesdays, not that I agreed.' }],
    });

    // Back in the file, the note is marked as amended and commented on.
    await note.backToFile.click();
    const back = new ClientFilePage(page);
    await back.expectShown(ALEX);
    await expect(back.session('2 November 2026').notes).toContainText('Amended');
    await expect(back.session('2 November 2026').notes).toContainText('Client comment');

    // Alex's words about the joint note are Alex's: in Blake's file the same note has no comment, and names
    // Alex as the other person in it, never Blake.
    const inBlakesFile = await vault.call('notes.get', { noteId, clientId: blake.id });
    expect(inBlakesFile.clientComments).toEqual([]);
    expect(inBlakesFile.otherSubjects.map((s) => s.id)).toEqual([alex.id]);
    await back.backToClients.click();
    const blakes = await openFile(page, BLAKE);
    await expect(blakes.session('2 November 2026').notes).toContainText('Amended');
    await expect(blakes.session('2 November 2026').notes).not.toContainText('Client comment');
  });

  test('bad input is explained: dates, a case closed meanwhile, closing before the last session', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    const { kase } = await coupleWithJointNote(vault, 'Joint note.');
    await openApp();
    const file = await openFile(page, ALEX);

    // Dates the form can check itself.
    await file.recordSessionIn('K-0001').click();
    const dialog = new SessionDialog(page);
    await dialog.fill({ date: ['31', '12', '1899'], time: ['25', '00'], duration: 'fifty', attendees: [ALEX] });
    await dialog.submit.click();
    await expect(fieldError(dialog.date.getByRole('textbox', { name: 'Day' }))).toHaveText(
      'Date must be on or after 1 January 1900',
    );
    await expect(fieldError(dialog.time.getByRole('textbox', { name: 'Hour' }))).toHaveText(
      'Start time must be a real time on the 24-hour clock, for example 14 30',
    );
    await expect(fieldError(dialog.duration)).toHaveText('Duration must be a whole number of minutes, for example 50');
    await expect(dialog.date.getByRole('textbox', { name: 'Day' })).toBeFocused();

    // A date before the case opened is refused by the core, with its own words, next to the date.
    await dialog.fill({ date: ['20', '10', '2026'], time: ['09', '30'], attendees: [ALEX] });
    await dialog.submit.click();
    await expect(fieldError(dialog.date.getByRole('textbox', { name: 'Day' }))).toHaveText('A session cannot be before the day its case opened.');

    // The case is closed elsewhere while the dialog is open: the core refuses, and the dialog says why.
    await vault.call('cases.close', { caseId: kase.id, closedOn: '2026-11-20' });
    await dialog.fill({ date: ['21', '11', '2026'], time: ['09', '30'], attendees: [ALEX] });
    await dialog.submit.click();
    await expect(dialog.failure).toHaveText('This case is closed, so sessions cannot be added to it.');
    await checkAccessibility('session refused in a closed case');
    await saveScreenshot('30-session-closed-case');
    await page.keyboard.press('Escape');
    await expect(dialog.dialog).toBeHidden();

    // Once the file is reloaded, a closed case offers no way to add sessions or notes.
    const reopened = await openFile(page, ALEX);
    await expect(reopened.caseItem('K-0001')).toContainText('Couple case K-0001 Closed');
    await expect(reopened.caseItem('K-0001')).toContainText('Closed20 November 2026');
    await expect(reopened.recordSessionIn('K-0001')).toHaveCount(0);
    await expect(reopened.session('2 November 2026').writeNote).toHaveCount(0);
  });

  test('a note cannot be written on a session once its case is closed; closing before the last session is refused', async ({
    page,
    vault,
    openApp,
  }) => {
    const { kase, alex } = await coupleWithJointNote(vault, 'Joint note.');
    const later = await vault.call('sessions.create', {
      caseId: kase.id,
      startsAt: '2026-11-10T10:00',
      durationMinutes: 50,
      modality: 'phone',
      status: 'attended',
      attendeeIds: [alex.id],
    });
    expect(later.individual).toBe(true);
    await openApp();
    const file = await openFile(page, ALEX);

    // Closing before the last session: the core's reason is shown in the dialog.
    await file.closeCase('K-0001').click();
    const closeDialog = page.getByRole('dialog', { name: 'Close case K-0001?' });
    await expect(closeDialog).toBeVisible();
    const closedOn = closeDialog.getByRole('group', { name: 'Closing date' });
    await closedOn.getByRole('textbox', { name: 'Day' }).fill('5');
    await closedOn.getByRole('textbox', { name: 'Month' }).fill('11');
    await closedOn.getByRole('textbox', { name: 'Year' }).fill('2026');
    await closeDialog.getByRole('button', { name: 'Close case' }).click();
    await expect(fieldError(closedOn.getByRole('textbox', { name: 'Day' }))).toHaveText('A case cannot close before its last session.');
    await page.keyboard.press('Escape');

    // The editor is open on a session note when the case is closed elsewhere: the autosave says why it failed.
    await file.session('10 November 2026').writeNote.click();
    const note = new NotePage(page);
    await note.expectShown('Session note');
    await vault.call('cases.close', { caseId: kase.id, closedOn: '2026-11-12' });
    await note.editor.fill('Too late for this one.');
    await expect(note.autosaveStatus).toHaveText('Not saved — This case is closed, so notes cannot be added to it.');
  });

  test('full client details: edit dialog, interpreter, equality monitoring only with consent, then cleared and withdrawn', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    await vault.create();
    const dana = await vault.call('clients.create', { name: 'Dana Cole', dateOfBirth: '1990-05-06' });
    await openApp();
    const file = await openFile(page, 'Dana Cole');
    await expect(file.equality).toHaveCount(0);
    await file.editDetails.click();
    const dialog = page.getByRole('dialog', { name: 'Edit details' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Full name' })).toBeFocused();
    await dialog.getByRole('textbox', { name: 'Address (optional)' }).fill('1 High Street\nLeeds LS1 1AA');
    await dialog.getByRole('textbox', { name: 'Emergency contact (optional)' }).fill('Pat Cole, 07700 900123');
    await dialog.getByRole('textbox', { name: 'GP practice (optional)' }).fill('Park Surgery');
    await dialog.getByRole('checkbox', { name: 'An interpreter is needed' }).check();
    await dialog.getByRole('button', { name: 'Save details' }).click();
    const language = dialog.getByRole('textbox', { name: 'Language' });
    await expect(fieldError(language)).toHaveText('Enter the language the interpreter is needed for');
    await expect(language).toBeFocused();
    await language.fill('Polish');
    await dialog.getByRole('textbox', { name: 'Referrer name (optional)' }).fill('Dr Shah');

    // Equality fields appear only once consent is recorded.
    await expect(dialog.getByRole('textbox', { name: 'Ethnicity (optional)' })).toHaveCount(0);
    await dialog.getByRole('checkbox', { name: /explicit consent to record equality monitoring/ }).check();
    await dialog.getByRole('textbox', { name: 'Ethnicity (optional)' }).fill('White British');
    await dialog.getByRole('textbox', { name: 'Gender (optional)' }).fill('Woman');
    await checkAccessibility('edit details');
    await saveScreenshot('31-edit-details');
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await expect(dialog).toBeHidden();
    await expect(file.notice).toHaveText('Details saved.');
    await expect(file.detail('Address')).toHaveText('1 High Street\nLeeds LS1 1AA');
    await expect(file.detail('GP practice')).toHaveText('Park Surgery');
    await expect(file.detail('Interpreter')).toHaveText('Needed — Polish');
    await expect(file.detail('Referrer')).toHaveText('Dr Shah');
    await expect(file.detail('Date of birth')).toHaveText('6 May 1990');
    await expect(file.equality).toContainText('Recorded with the client’s explicit consent, 23 November 2026 at 14:32.');
    await expect(file.equality).toContainText('EthnicityWhite British');
    await checkAccessibility('client file with full details');
    await saveScreenshot('32-client-file-details');

    // Clearing a field clears it in the vault.
    await file.editDetails.click();
    await dialog.getByRole('textbox', { name: 'GP practice (optional)' }).fill('');
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await expect(dialog).toBeHidden();
    await expect(file.detail('GP practice')).toHaveText('Not recorded');

    // Clearing the three date boxes removes the date of birth; the client withdraws consent to equality monitoring.
    await file.editDetails.click();
    const dateOfBirth = dialog.getByRole('group', { name: 'Date of birth (optional)' });
    await expect(dateOfBirth).toContainText('To remove the recorded date, clear all three boxes.');
    for (const part of ['Day', 'Month', 'Year']) await dateOfBirth.getByRole('textbox', { name: part }).fill('');
    await dateOfBirth.scrollIntoViewIfNeeded();
    await saveScreenshot('37-edit-details-clear-date-of-birth');
    const withdrawn = dialog.getByRole('checkbox', { name: 'Client has withdrawn consent to equality monitoring' });
    await expect(withdrawn).not.toBeChecked();
    await expect(dialog.getByRole('textbox', { name: 'Ethnicity (optional)' })).toHaveValue('White British');
    await withdrawn.focus();
    await page.keyboard.press('Space');
    await expect(withdrawn).toBeChecked();
    await expect(withdrawn).toBeFocused();
    await expect(dialog.getByRole('textbox', { name: 'Ethnicity (optional)' })).toHaveCount(0);
    await expect(dialog.getByRole('checkbox', { name: /explicit consent to record equality monitoring/ })).toHaveCount(0);
    await expect(withdrawn).toHaveAccessibleDescription(
      'Consent was recorded 23 November 2026 at 14:32. When you save, all of the client’s equality monitoring information will be permanently deleted. You will be asked to confirm first.',
    );
    await checkAccessibility('edit details, consent withdrawn');
    await saveScreenshot('38-edit-details-withdraw-consent');

    // Saving asks first; going back (Escape) keeps the edit dialog and its changes.
    const save = dialog.getByRole('button', { name: 'Save details' });
    await save.click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete equality monitoring information?' });
    await expect(confirm).toBeVisible();
    await expect(confirm).toHaveAccessibleDescription(
      /^Dana Cole has withdrawn consent to equality monitoring\. Their ethnicity, gender, sexual orientation, disability and religion or belief, recorded 23 November 2026 at 14:32, will be permanently deleted/,
    );
    await expect(confirm.getByRole('button', { name: 'Go back' })).toBeFocused();
    await checkAccessibility('confirm equality withdrawal');
    await saveScreenshot('39-confirm-equality-withdrawal');
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(dialog).toBeVisible();
    await expect(save).toBeFocused();
    await expect(withdrawn).toBeChecked();
    await expect(dateOfBirth.getByRole('textbox', { name: 'Year' })).toHaveValue('');
    const unchanged = await vault.call('clients.get', { clientId: dana.id });
    expect(unchanged).toMatchObject({ dateOfBirth: '1990-05-06', equality: { ethnicity: 'White British' } });

    await save.click();
    await confirm.getByRole('button', { name: 'Delete and save details' }).click();
    await expect(confirm).toBeHidden();
    await expect(dialog).toBeHidden();
    await expect(file.notice).toHaveText('Details saved.');
    await expect(file.detail('Date of birth')).toHaveText('Not recorded');
    await expect(file.equality).toHaveCount(0);
    await expect(file.detail('Address')).toHaveText('1 High Street\nLeeds LS1 1AA');
    const saved = await vault.call('clients.get', { clientId: dana.id });
    expect(saved).toMatchObject({ dateOfBirth: null, equality: null, address: '1 High Street\nLeeds LS1 1AA' });

    // With nothing recorded, the dialog offers consent afresh and no withdrawal.
    await file.editDetails.click();
    await expect(dialog.getByRole('checkbox', { name: /explicit consent to record equality monitoring/ })).not.toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: /explicit consent to record equality monitoring/ })).toBeEnabled();
    await expect(withdrawn).toHaveCount(0);
    await expect(dateOfBirth.getByRole('textbox', { name: 'Day' })).toHaveValue('');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  });
});
