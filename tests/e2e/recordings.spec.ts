import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { sineWav } from '../support/wav';
import { AppShell } from './pages/AppShell';
import { ClientFilePage } from './pages/ClientFilePage';
import { ClientsPage } from './pages/ClientsPage';
import { RecordingPage } from './pages/RecordingPage';
import { AttachRecordingDialog, RecordingConsentDialog, RecordingsSection, WithdrawConsentDialog } from './pages/RecordingsSection';
import { RecordingsRegisterPage } from './pages/RecordingsRegisterPage';
import { UnlockPage } from './pages/UnlockPage';
import { expect, test, USER, type Vault } from './fixtures';

const ALEX = 'Alex Rivers';
const BLAKE = 'Blake Rivers';
const DEE = { name: 'Dee Director', passphrase: 'dee directs the whole practice' };
const JOINT_SESSION = 'Monday 2 November 2026 at 10:00';
const CONSENT = {
  viewers: 'Sam Okafor and the clinical supervisor',
  storage: 'In this Confide vault, on the practice laptop',
  destructionMethod: 'The key is destroyed and the file deleted',
};

/** Files the test hands to the app's file dialog, in a folder of its own. */
let files: string;
test.beforeEach(() => {
  files = mkdtempSync(join(tmpdir(), 'confide-e2e-files-'));
});
test.afterEach(() => rmSync(files, { recursive: true, force: true }));

function file(name: string, bytes: Buffer | string): string {
  const path = join(files, name);
  writeFileSync(path, bytes);
  return path;
}

/** A real 3-second recording: PCM WAV, a tone rising each second. */
const wav = () => file('session.wav', sineWav(3, 16_000));
/** Five minutes (4.8 MB): long enough that Chromium fetches a seek far into it with a range request of its own. */
const LONG_SECONDS = 300;
const longWav = () => file('long-session.wav', sineWav(LONG_SECONDS, 8_000));
/** Where second `s` of the long recording starts in its file (a 44-byte header, then 16,000 bytes a second). */
const byteOfSecond = (s: number) => 44 + s * 8_000 * 2;

const blobsOf = (vault: Vault) => readdirSync(join(vault.dir, 'blobs'));

/** Alex and Blake Rivers in couple work with Sam, with one joint session on 2 November 2026. */
async function couple(vault: Vault) {
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
  const consent = (clientId: string, extra: { expiresOn?: string; signedOn?: string } = {}) =>
    vault.call('recordingConsents.create', {
      clientId,
      caseId: kase.id,
      uses: ['supervision'],
      ...CONSENT,
      signedOn: '2026-11-01',
      destroyBy: '2027-11-01',
      ...extra,
    });
  return { alex, blake, kase, session, consent };
}

async function openFile(page: Page, name: string): Promise<RecordingsSection> {
  await new AppShell(page).clientsLink.click();
  const clients = new ClientsPage(page);
  await expect(clients.heading).toBeVisible();
  await clients.open(name);
  await new ClientFilePage(page).expectShown(name);
  return new RecordingsSection(page);
}

async function attach(page: Page, vault: Vault, section: RecordingsSection, path: string): Promise<AttachRecordingDialog> {
  await section.attach.click();
  const dialog = new AttachRecordingDialog(page);
  await expect(dialog.dialog).toBeVisible();
  await dialog.session.selectOption({ label: `${JOINT_SESSION} (case K-0001)` });
  await dialog.uses.getByRole('checkbox', { name: 'Clinical supervision' }).check();
  vault.willChoose(path);
  await dialog.chooseFile.click();
  await expect(dialog.chosen).toContainText(path.split('/').at(-1)!);
  await dialog.submit.click();
  return dialog;
}

test.describe('recording consents and recordings', () => {
  test('a couple where one partner has not consented: attaching is refused, naming them; after they consent it is attached', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    await couple(vault);
    await openApp();
    let section = await openFile(page, ALEX);
    await expect(section.consents).toContainText('No consent to recording');

    // Alex's consent, through the form.
    await section.recordConsent.click();
    const form = new RecordingConsentDialog(page);
    await expect(form.dialog).toBeVisible();
    await form.fill({ scope: 'case', uses: ['Clinical supervision', 'Training'], viewers: CONSENT.viewers, signed: ['1', '11', '2026'], destroyBy: ['1', '11', '2027'] });
    vault.willChoose(file('signed-form.pdf', '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n'));
    await form.chooseScan.click();
    await expect(form.dialog).toContainText('signed-form.pdf');
    await checkAccessibility('recording consent form');
    await saveScreenshot('70-recording-consent-form');
    await form.submit.click();
    await expect(form.dialog).toBeHidden();
    await expect(section.notice).toHaveText('Consent RC-0001 recorded.');
    await expect(section.consent('RC-0001')).toContainText('In force');
    await expect(section.consent('RC-0001')).toContainText('Clinical supervision and training');
    await expect(section.consent('RC-0001')).toContainText('scan of the signed form kept');
    expect(blobsOf(vault)).toHaveLength(1); // the scan

    // Blake has not consented: refused, naming Blake, and nothing is stored.
    const refused = await attach(page, vault, section, wav());
    await expect(refused.failure).toContainText(`${BLAKE} (C-0002): no recording consent is recorded`);
    await expect(refused.failure).not.toContainText(`${ALEX} (C-0001)`);
    expect(blobsOf(vault)).toHaveLength(1);
    await checkAccessibility('attach a recording: refused');
    await saveScreenshot('71-attach-recording-refused');
    await refused.dialog.getByRole('button', { name: 'Cancel' }).click();

    // Blake consents (in his own file); then the recording is attached.
    section = await openFile(page, BLAKE);
    await section.recordConsent.click();
    await form.fill({ scope: 'sessions', sessions: [JOINT_SESSION], uses: ['Clinical supervision'], viewers: CONSENT.viewers, signed: ['3', '11', '2026'], destroyBy: ['1', '5', '2027'] });
    await form.submit.click();
    await expect(section.notice).toHaveText('Consent RC-0002 recorded.');
    await expect(section.consent('RC-0002')).toContainText('The session of 2 November 2026 (case K-0001)');
    const attached = await attach(page, vault, section, wav());
    await expect(attached.dialog).toBeHidden();
    await expect(section.notice).toHaveText(`Recording R-0001 attached to the session of ${JOINT_SESSION}.`);
    const recording = section.recording('R-0001');
    await expect(recording).toContainText('Joint — with Alex Rivers (C-0001)');
    await expect(recording).toContainText('RC-0001 (C-0001), RC-0002 (C-0002)');
    await expect(recording).toContainText('Kept until 1 May 2027');
    expect(blobsOf(vault)).toHaveLength(2);
    await checkAccessibility('client file with recordings');
    await saveScreenshot('72-client-file-recordings');

    // The joint recording is in Alex's file too.
    section = await openFile(page, ALEX);
    await expect(section.recording('R-0001')).toContainText('Joint — with Blake Rivers (C-0002)');
  });

  test('plays a real recording in Chromium and seeks in it, served in byte ranges', async ({ page, vault, openApp, saveScreenshot, checkAccessibility }) => {
    const { alex, blake, consent } = await couple(vault);
    await consent(alex.id);
    await consent(blake.id);
    await openApp();
    const section = await openFile(page, ALEX);
    const attached = await attach(page, vault, section, longWav());
    await expect(attached.dialog).toBeHidden();
    await section.play('R-0001').click();

    const player = new RecordingPage(page);
    await player.expectShown('R-0001');
    await expect(player.player).toHaveAttribute('src', /^\/recordings\/[0-9a-f-]{36}$/);
    const played = await player.playThenSeek(280);
    expect(played.error).toBeNull();
    expect(played.duration).toBeCloseTo(LONG_SECONDS, 0);
    expect(played.startedAt).toBeLessThan(280);
    expect(played.seekedTo).toBeGreaterThanOrEqual(280);
    expect(played.playingAt).toBeGreaterThan(played.seekedTo);
    // Every answer was a byte range (206 with Content-Range), the first from the start of the file, and the seek
    // was fetched by a range starting shortly before the byte where second 280 begins.
    const starts = vault.mediaResponses.map((r) => Number(/^bytes (\d+)-\d+\/4800044$/.exec(r.contentRange ?? '')?.[1]));
    expect(vault.mediaResponses.every((r) => r.status === 206 && r.range !== null)).toBe(true);
    expect(starts[0]).toBe(0);
    expect(starts.some((start) => start <= byteOfSecond(280) && start > byteOfSecond(280) - 2 * 1024 * 1024)).toBe(true);
    await checkAccessibility('recording player');
    await saveScreenshot('73-recording-player');

    // The playback is in the audit log.
    const plays = await vault.call('audit.list', { action: 'recording.play' });
    expect(plays.entries[0]).toMatchObject({ actor: { name: USER }, clientReferences: ['C-0001', 'C-0002'] });
  });

  test('a withdrawn consent destroys the recording: it can no longer be played and its file is gone', async ({ page, vault, openApp, saveScreenshot, checkAccessibility }) => {
    const { alex, blake, session, consent } = await couple(vault);
    await consent(alex.id);
    await consent(blake.id);
    const recording = await vault.call('recordings.attach', { sessionId: session.id, uses: ['supervision'], path: wav() });
    expect(blobsOf(vault)).toHaveLength(1);
    await openApp();
    const section = await openFile(page, BLAKE);
    await section.withdraw('RC-0002').click();
    const dialog = new WithdrawConsentDialog(page, 'RC-0002');
    await expect(dialog.dialog).toContainText('One recording relies on it and will be destroyed at once. This cannot be undone.');
    await checkAccessibility('withdraw a consent');
    await saveScreenshot('74-withdraw-consent');
    await dialog.withdrawOn(['20', '11', '2026']);
    await expect(section.notice).toHaveText('Consent RC-0002 withdrawn. One recording was destroyed.');
    await expect(section.consent('RC-0002')).toContainText('Withdrawn');
    await expect(section.recording('R-0001')).toContainText('Destroyed 23 November 2026: consent withdrawn');
    await expect(section.play('R-0001')).toHaveCount(0);
    expect(blobsOf(vault)).toEqual([]);
    expect(await vault.core.readRecording(recording.id, 'bytes=0-')).toMatchObject({ status: 409, body: null });

    // The register keeps it, destroyed.
    await new AppShell(page).recordingsLink.click();
    const register = new RecordingsRegisterPage(page);
    await expect(register.heading).toBeFocused();
    await expect(register.row('R-0001')).toContainText('Destroyed');
    await expect(register.play('R-0001')).toHaveCount(0);
    await saveScreenshot('75-register-destroyed');
  });

  test('an expired consent does not count: attaching is refused, saying whose consent expired and when', async ({ page, vault, openApp }) => {
    const { alex, blake, consent } = await couple(vault);
    await consent(alex.id);
    await consent(blake.id, { expiresOn: '2026-11-20' });
    await openApp();
    const section = await openFile(page, ALEX);
    const refused = await attach(page, vault, section, wav());
    await expect(refused.failure).toContainText(`${BLAKE} (C-0002): consent RC-0002 expired on 20 November 2026`);
    expect(blobsOf(vault)).toEqual([]);
    await refused.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(section.recordings).toContainText('No recordings.');
  });

  test('bad input: a consent signed in the future or expiring before it was signed, a text file renamed .mp4, an empty file', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    const { alex, blake, consent } = await couple(vault);
    await consent(blake.id);
    await openApp();
    const section = await openFile(page, ALEX);
    await section.recordConsent.click();
    const form = new RecordingConsentDialog(page);
    const entry = { scope: 'case' as const, uses: ['Clinical supervision' as const], viewers: CONSENT.viewers, destroyBy: ['1', '11', '2027'] as [string, string, string] };
    await form.fill({ ...entry, signed: ['24', '11', '2026'] });
    await form.submit.click();
    await expect(form.signed.locator('.field-error')).toHaveText('Date signed must be in the past');
    await expect(form.signed.getByRole('textbox', { name: 'Day' })).toBeFocused();
    await form.fill({ ...entry, signed: ['10', '11', '2026'], expires: ['9', '11', '2026'] });
    await form.submit.click();
    await expect(form.expires.locator('.field-error')).toHaveText('The consent cannot expire before the date it was signed.');
    await checkAccessibility('recording consent form: refused');
    await saveScreenshot('76-recording-consent-refused');
    // The core keeps the same rule, whatever the form lets through.
    expect(await vault.core.call('recordingConsents.create', {
      clientId: alex.id, caseId: (await vault.call('cases.list', { clientId: alex.id })).cases[0]!.id, uses: ['supervision'], ...CONSENT,
      signedOn: '2026-11-24', destroyBy: '2027-11-01',
    })).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'signedOn' }] } });
    await form.fill({ ...entry, signed: ['10', '11', '2026'] });
    await form.submit.click();
    await expect(section.notice).toHaveText('Consent RC-0002 recorded.');

    const renamed = await attach(page, vault, section, file('notes.mp4', 'Typed notes, saved as text and renamed to look like a video.\n'));
    await expect(renamed.fileError).toHaveText(
      'This file is not an audio or video recording Confide can play. Choose an MP4, M4A, WebM, MKV, Ogg, WAV, MP3 or FLAC file.',
    );
    await checkAccessibility('attach a recording: not a recording');
    await saveScreenshot('77-attach-not-a-recording');
    vault.willChoose(file('empty.wav', ''));
    await renamed.chooseFile.click();
    await renamed.submit.click();
    await expect(renamed.fileError).toHaveText('This file is empty (0 bytes). Choose the file again.');
    expect(blobsOf(vault)).toEqual([]);
    expect((await vault.call('recordings.list', {})).recordings).toEqual([]);
  });

  test('the register: the therapist plays from it; a director sees identity and dates but cannot play', async ({ page, vault, openApp, saveScreenshot, checkAccessibility }) => {
    const { alex, blake, session, consent } = await couple(vault);
    await consent(alex.id);
    await consent(blake.id);
    await vault.call('recordings.attach', { sessionId: session.id, uses: ['supervision'], path: wav() });
    await vault.call('users.create', { name: DEE.name, roles: ['director'], passphrase: DEE.passphrase });
    await openApp();
    const shell = new AppShell(page);
    await shell.recordingsLink.click();
    const register = new RecordingsRegisterPage(page);
    await expect(register.heading).toBeFocused();
    await expect(register.row('R-0001')).toContainText('Alex Rivers (C-0001), Blake Rivers (C-0002)');
    await expect(register.row('R-0001')).toContainText('RC-0001, RC-0002');
    await expect(register.play('R-0001')).toBeVisible();
    await checkAccessibility('register of recordings');
    await saveScreenshot('78-register-therapist');

    await shell.lock();
    const unlock = new UnlockPage(page);
    await unlock.expectShown();
    await unlock.unlock(DEE.name, DEE.passphrase);
    await shell.recordingsLink.click();
    await expect(register.row('R-0001')).toContainText('Kept');
    await expect(register.play('R-0001')).toHaveCount(0);
    await expect(page.getByRole('main')).toContainText('Only the therapist of a recording’s case can play it.');
    await saveScreenshot('79-register-director');
  });
});
