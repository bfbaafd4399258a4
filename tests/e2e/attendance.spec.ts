import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parseCsv } from '../support/csv-parse';
import { allText, pdfText, renderFirstPage } from '../support/pdf-text';
import { blakeConsents, coupleForRelease, RECIPIENT } from '../support/release-fixture';
import { AppShell } from './pages/AppShell';
import { AttendanceWizardPage } from './pages/AttendanceWizardPage';
import { ClientFilePage } from './pages/ClientFilePage';
import { ClientsPage } from './pages/ClientsPage';
import { DisclosuresPage } from './pages/DisclosuresPage';
import { ReleaseConsentDialog, ReleaseConsentsPanel } from './pages/ReleaseConsentsPanel';
import { expect, test, type Vault } from './fixtures';

const ALEX = 'Alex Rivers';
const PDF = 'attendance-summary-D-0001-2026-11-23.pdf';
const CSV = 'attendance-summary-D-0001-2026-11-23.csv';

let out: string;
test.beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'confide-exports-'));
});
test.afterEach(async () => {
  await rm(out, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function openFile(page: Page, name: string): Promise<ClientFilePage> {
  await new AppShell(page).clientsLink.click();
  const clients = new ClientsPage(page);
  await expect(clients.heading).toBeVisible();
  await clients.open(name);
  const file = new ClientFilePage(page);
  await file.expectShown(name);
  return file;
}

/** From Alex's file through the wizard to its last step: Oct 1 to Nov 20, to the CMHT, on Alex's consent. */
async function wizardToPreview(
  page: Page,
  { dateOfBirth = false, joint = 'Include joint sessions', shoot = async (_name: string) => {} } = {},
): Promise<AttendanceWizardPage> {
  await openFile(page, ALEX);
  await new ReleaseConsentsPanel(page).makeSummary.click();
  const wizard = new AttendanceWizardPage(page);
  await expect(wizard.heading).toBeFocused();
  await wizard.expectStep(1, 'Client');
  if (dateOfBirth) await wizard.includeDateOfBirth.check();
  await shoot('91a-attendance-step-client');
  await wizard.continueButton.click();
  await wizard.expectStep(2, 'Period');
  await expect(wizard.stepHeading).toBeFocused();
  await shoot('91b-attendance-step-period');
  await wizard.choosePeriod(['1', '10', '2026'], ['20', '11', '2026']);
  await wizard.expectStep(3, 'Recipient');
  await expect(wizard.radio(`${RECIPIENT.organisation} (${RECIPIENT.person})`)).toBeChecked();
  await shoot('91c-attendance-step-recipient');
  await wizard.continueButton.click();
  await wizard.expectStep(4, 'Consent');
  await expect(wizard.radio(/^Signed 16 November 2026, expires 15 November 2027/)).toBeChecked();
  await wizard.radio(new RegExp(`^${joint}`)).check();
  await shoot('91d-attendance-step-consent');
  await wizard.continueButton.click();
  await wizard.expectStep(5, 'Preview and export');
  return wizard;
}

async function exportTo(vault: Vault, wizard: AttendanceWizardPage): Promise<void> {
  vault.willChoose(out);
  await wizard.chooseFolder.click();
  await expect(wizard.page.locator('.chosen-folder')).toHaveText(out);
  await wizard.exportButton.click();
}

test.describe('the attendance summary', () => {
  test('a partner has not consented: the export is refused with the missing consent; individual sessions only says so in the letter; files and SHA-256 read back', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    // The whole journey with nine screenshots and five accessibility scans: more than the default on a busy machine.
    test.slow();
    await vault.create();
    await coupleForRelease((method, input) => vault.call(method, input));
    await openApp();
    const file = await openFile(page, ALEX);
    const panel = new ReleaseConsentsPanel(page);
    await expect(panel.consent(RECIPIENT.organisation)).toContainText('Valid');
    await saveScreenshot('90-release-consents-in-file');
    await checkAccessibility('client file with release consents');
    await file.backToClients.click();

    const wizard = await wizardToPreview(page, { dateOfBirth: true, shoot: saveScreenshot });
    await expect(wizard.missing).toContainText('Joint sessions cannot be included');
    await expect(wizard.missing).toContainText(`Blake Rivers (C-0002) has no written consent to release information to ${RECIPIENT.organisation} — joint session on 5 October 2026.`);
    await expect(wizard.letter).toHaveCount(0);
    await expect(wizard.exportButton).toHaveCount(0);
    await saveScreenshot('91-attendance-missing-consent');
    await checkAccessibility('attendance summary: a missing consent');

    await wizard.individualOnly.click();
    await expect(wizard.letter).toContainText('This count is of individual sessions only: it excludes joint work');
    await expect(wizard.letter).toContainText('Attendance summary: Alex Rivers, date of birth 3 May 1990');
    await expect(wizard.letter.getByRole('list', { name: 'Dates of sessions attended' }).getByRole('listitem')).toHaveText(['12 October 2026', '9 November 2026']);
    await expect(wizard.letter).not.toContainText('Blake');
    await expect(wizard.csv).toContainText('Total sessions attended (individual sessions only: joint work excluded)');
    await saveScreenshot('92-attendance-preview');
    await checkAccessibility('attendance summary: preview');

    await exportTo(vault, wizard);
    await expect(wizard.done).toBeFocused();
    await expect(wizard.files).toHaveCount(2);
    await saveScreenshot('93-attendance-exported');
    await checkAccessibility('attendance summary: exported');

    expect((await readdir(out)).sort()).toEqual([CSV, PDF]);
    const pdf = await readFile(join(out, PDF));
    // Kept in test output for a person to look at: the letter exactly as it left.
    expect(renderFirstPage(pdf, 'attendance-letter-exported')).not.toBeNull();
    const text = allText(await pdfText(pdf));
    expect(text).toContain('We confirm that Alex Rivers attended 2 sessions at Riverside Counselling between 1 October 2026 and 20 November 2026.');
    expect(text).toContain('This count is of individual sessions only: it excludes joint work');
    expect(text).not.toContain('Blake');
    // Exactly the two individual sessions attended: not the joint one, the missed or cancelled ones, nor Blake's own.
    for (const date of ['12 October 2026', '9 November 2026']) expect(text).toContain(date);
    for (const date of ['5 October 2026', '19 October 2026', '26 October 2026', '2 November 2026', '7 December 2026']) expect(text).not.toContain(date);
    const csvBytes = await readFile(join(out, CSV));
    const rows = parseCsv(csvBytes.toString('utf8').replace(/^\uFEFF/, ''));
    expect(rows.slice(1).map((row) => row.slice(6))).toEqual([
      ['Session attended', '2026-10-12', '1'],
      ['Session attended', '2026-11-09', '1'],
      ['Total sessions attended (individual sessions only: joint work excluded)', '', '2'],
    ]);
    await expect(wizard.files.filter({ hasText: PDF }).locator('code')).toHaveText(sha256(pdf));

    await wizard.openLog.click();
    const log = new DisclosuresPage(page);
    await log.expectShown();
    await expect(log.entry('D-0001')).toContainText(`${RECIPIENT.organisation} (${RECIPIENT.person})`);
    await expect(log.entry('D-0001')).toContainText('individual sessions only (joint work excluded)');
    await expect(log.digest('D-0001', PDF)).toHaveText(sha256(pdf));
    await expect(log.digest('D-0001', CSV)).toHaveText(sha256(csvBytes));
    await saveScreenshot('94-disclosure-log');
    await checkAccessibility('disclosure log');
  });

  test('a partner withdraws after the preview: the core refuses the export, listing them, and individual sessions only still works', async ({ page, vault, openApp }) => {
    await vault.create();
    const couple = await coupleForRelease((method, input) => vault.call(method, input));
    const blakes = await blakeConsents((method, input) => vault.call(method, input), couple.blake.id);
    await openApp();
    const wizard = await wizardToPreview(page);
    await expect(wizard.letter).toContainText('attended 3 sessions');
    await expect(page.getByRole('main')).toContainText('Blake Rivers (C-0002), signed 18 November 2026');

    // Blake withdraws while the preview is on screen (recorded elsewhere in the practice).
    await vault.call('releaseConsents.withdraw', { consentId: blakes.id, withdrawnOn: '2026-11-23' });
    await exportTo(vault, wizard);
    await expect(wizard.refusalMessage).toHaveText(
      'Joint sessions cannot be included: C-0002 withdrew their consent to release information to this recipient (1 joint session). Record their written consent, or choose individual sessions only.',
    );
    await expect(wizard.missing).toContainText(`Blake Rivers (C-0002) withdrew their consent to release information to ${RECIPIENT.organisation}`);
    expect(await readdir(out)).toEqual([]);

    await wizard.individualOnly.click();
    await expect(wizard.refusal).toHaveCount(0);
    await exportTo(vault, wizard);
    await expect(wizard.done).toBeVisible();
    expect(allText(await pdfText(await readFile(join(out, PDF))))).toContain('it excludes joint work');
  });

  test('the client’s own withdrawn or expired consent is refused by the core, and so is one that expires before the export', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    await vault.create();
    const couple = await coupleForRelease((method, input) => vault.call(method, input));
    const council = { clientId: couple.alex.id, recipientOrganisation: 'Leeds City Council', purpose: 'Housing application', periodFrom: '2025-01-01', periodTo: '2026-12-31' };
    await vault.call('releaseConsents.create', { ...council, signedOn: '2025-01-10', expiresOn: '2025-12-31' });
    const later = await vault.call('releaseConsents.create', { ...council, signedOn: '2026-11-02', expiresOn: '2027-11-01' });
    await vault.call('releaseConsents.withdraw', { consentId: later.id, withdrawnOn: '2026-11-20' });
    await openApp();
    await openFile(page, ALEX);
    const councilConsents = page.locator('.release-consent').filter({ hasText: 'Leeds City Council' });
    await expect(councilConsents).toHaveCount(2);
    await expect(councilConsents.filter({ hasText: 'Expired' })).toHaveCount(1);
    await expect(councilConsents.filter({ hasText: 'Withdrawn' })).toHaveCount(1);
    await new ReleaseConsentsPanel(page).makeSummary.click();
    const wizard = new AttendanceWizardPage(page);
    await wizard.continueButton.click();
    await wizard.choosePeriod(['1', '10', '2026'], ['20', '11', '2026']);
    await wizard.expectStep(3, 'Recipient');
    // Every recipient the client named is offered, with what the core says of each consent.
    await expect(page.getByRole('radio')).toHaveCount(2);
    await expect(wizard.radio(`${RECIPIENT.organisation} (${RECIPIENT.person})`)).toBeChecked();
    await expect(page.getByRole('main')).toContainText('2 consents: 1 withdrawn, 1 expired');
    await wizard.radio('Leeds City Council').check();
    await wizard.continueButton.click();
    await wizard.expectStep(4, 'Consent');
    await wizard.radio('Signed 2 November 2026, expires 1 November 2027 (withdrawn 20 November 2026)').check();
    await wizard.continueButton.click();
    await expect(wizard.refusalMessage).toHaveText('This consent was withdrawn on 20 November 2026: nothing can be released on it');
    await expect(wizard.letter).toHaveCount(0);
    await expect(wizard.exportButton).toHaveCount(0);
    await saveScreenshot('95-attendance-withdrawn-consent');
    await checkAccessibility('attendance summary: a withdrawn consent');
    await wizard.refusal.getByRole('button', { name: 'Choose another consent' }).click();
    await saveScreenshot('95a-attendance-step-consent-statuses');
    await wizard.expectStep(4, 'Consent');
    await wizard.radio('Signed 10 January 2025, expired 31 December 2025 (expired)').check();
    await wizard.continueButton.click();
    await expect(wizard.refusalMessage).toHaveText('This consent expired on 31 December 2025: nothing can be released on it');
    await expect(wizard.letter).toHaveCount(0);

    await wizard.back.click();
    await wizard.back.click();
    await wizard.radio(`${RECIPIENT.organisation} (${RECIPIENT.person})`).check();
    await wizard.continueButton.click();
    await wizard.radio(/^Individual sessions only/).check();
    await wizard.continueButton.click();
    await expect(wizard.letter).toBeVisible();

    // A year on, with the preview still open, the CMHT consent has expired too.
    vault.clock.advance(358 * 24 * 60 * 60 * 1000);
    await exportTo(vault, wizard);
    await expect(wizard.refusalMessage).toHaveText('This consent expired on 15 November 2027: nothing can be released on it');
    expect(await readdir(out)).toEqual([]);
    expect(await vault.call('disclosures.list', {})).toEqual({ disclosures: [] });
  });

  test('recording a consent: a date signed in the future and an expiry before it are refused by the fields; a scan is kept; a withdrawal is recorded', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    await vault.create();
    const alexId = (await vault.call('clients.create', { name: ALEX, dateOfBirth: '1990-05-03' })).id;
    const scan = join(out, 'signed-form.pdf');
    await writeFile(scan, '%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const notAScan = join(out, 'form.txt');
    await writeFile(notAScan, 'not a scan');
    await openApp();
    await openFile(page, ALEX);
    const panel = new ReleaseConsentsPanel(page);
    await expect(panel.panel).toContainText('No consents recorded.');
    await panel.record.click();
    const dialog = new ReleaseConsentDialog(page);
    await expect(dialog.organisation).toBeFocused();
    await saveScreenshot('96a-release-consent-form');
    await dialog.fill({
      organisation: 'Leeds Community Mental Health Team',
      person: 'Dr Priya Shah',
      purpose: 'Referral review',
      releases: 'Attendance, and the numbers',
      from: ['1', '9', '2026'],
      to: ['31', '12', '2026'],
      signed: ['24', '11', '2026'],
      expires: ['23', '11', '2027'],
    });
    // The core answers both: the form checks only that each is a date.
    await dialog.submit.click();
    await expect(dialog.dateError(dialog.signed)).toHaveText('Date signed cannot be in the future');
    await expect(dialog.signed.getByRole('textbox', { name: 'Day' })).toBeFocused();
    await dialog.signed.getByRole('textbox', { name: 'Day' }).fill('16');
    await dialog.expires.getByRole('textbox', { name: 'Year' }).fill('2026');
    await dialog.expires.getByRole('textbox', { name: 'Day' }).fill('15');
    await dialog.submit.click();
    await expect(dialog.dateError(dialog.expires)).toHaveText('The consent cannot expire before the date it was signed');
    await expect(dialog.expires.getByRole('textbox', { name: 'Day' })).toBeFocused();
    expect((await vault.call('releaseConsents.list', { clientId: alexId })).consents).toEqual([]);
    await saveScreenshot('96-release-consent-refused');
    await checkAccessibility('release consent form: refused');
    await dialog.expires.getByRole('textbox', { name: 'Year' }).fill('2027');

    vault.willChoose(notAScan);
    await dialog.chooseScan.click();
    await expect(dialog.scanName).toHaveText('form.txt');
    await dialog.submit.click();
    await expect(dialog.scan.locator('.field-error')).toHaveText('This file is not a scan Confide can show. Choose a PDF, PNG or JPEG file.');
    vault.willChoose(scan);
    await dialog.chooseScan.click();
    await expect(dialog.scanName).toHaveText('signed-form.pdf');
    await dialog.submit.click();
    await expect(dialog.dialog).toHaveCount(0);
    await expect(panel.notice).toHaveText('Consent to release information to Leeds Community Mental Health Team (Dr Priya Shah) recorded.');
    const consent = panel.consent('Leeds Community Mental Health Team');
    await expect(consent).toContainText('Valid');
    await expect(consent).toContainText('Scan kept in the vault');
    await expect(consent).toContainText('Attendance, and the numbers of missed and cancelled sessions');

    await panel.withdraw('Leeds Community Mental Health Team').click();
    const withdraw = page.getByRole('dialog', { name: 'Record that consent was withdrawn' });
    await checkAccessibility('withdraw a consent');
    await saveScreenshot('96c-release-consent-withdraw-dialog');
    await withdraw.getByRole('button', { name: 'Record withdrawal' }).click();
    await expect(consent).toContainText('Withdrawn');
    await expect(consent).toContainText('23 November 2026');
    await expect(panel.makeSummary).toHaveCount(0);
    await saveScreenshot('97-release-consent-withdrawn');
  });

  test('the letterhead is set by a director in Settings and used by the letter', async ({ page, vault, openApp, saveScreenshot, checkAccessibility }) => {
    await vault.create();
    await openApp();
    await new AppShell(page).settingsLink.click();
    const section = page.getByRole('region', { name: 'Letterhead' });
    await section.getByRole('textbox', { name: 'Practice address' }).fill('14 Wharf Street\nLeeds\nLS2 7EQ');
    await section.getByRole('textbox', { name: 'Signatory’s name' }).fill('Sam Okafor');
    await section.getByRole('button', { name: 'Save letterhead' }).click();
    await expect(section.locator('.field-error')).toHaveText('Give both the signatory’s name and their role, or neither');
    await section.getByRole('textbox', { name: 'Signatory’s role' }).fill('Counsellor (MBACP Accred.)');
    await section.getByRole('button', { name: 'Save letterhead' }).click();
    await expect(section.locator('.alert--success')).toHaveText('Saved. Letters use this letterhead from now on.');
    await saveScreenshot('98-letterhead-settings');
    await checkAccessibility('settings: letterhead');
    expect(await vault.call('practice.get', {})).toMatchObject({ addressLines: ['14 Wharf Street', 'Leeds', 'LS2 7EQ'], signatoryRole: 'Counsellor (MBACP Accred.)' });
  });
});
