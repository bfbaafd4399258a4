import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppShell } from './pages/AppShell';
import { ClientFilePage } from './pages/ClientFilePage';
import { ClientsPage } from './pages/ClientsPage';
import { PurgePage } from './pages/PurgePage';
import { RetentionPage } from './pages/RetentionPage';
import { expect, PASSPHRASE, test, USER, type Vault } from './fixtures';
import { retentionPractice } from '../support/retention-practice';
import { allText, pdfText, renderFirstPage } from '../support/pdf-text';

function clockAt(vault: Vault) {
  return {
    at(date: string) {
      vault.clock.advance(Date.parse(`${date}T12:00:00Z`) - vault.clock.now().getTime());
    },
  };
}

test('the purge wizard: preview by reference → passphrase → progress → certificate saved and read back', async ({
  page,
  vault,
  openApp,
  saveScreenshot,
  checkAccessibility,
}) => {
  await vault.create();
  const practice = await retentionPractice((method, input) => vault.call(method, input), clockAt(vault));
  // Eli's record is kept until December 2026, but the referrer's contact details went due when the last case closed.
  await vault.call('clients.update', { clientId: practice.eli.id, referrerName: 'Dr Marlowe Referrer', referrerContact: '0113 496 0000' });
  const preview = await vault.call('retention.purgePreview', {});
  const due = preview.clients.map((c) => c.reference);
  expect(due.length).toBeGreaterThan(3);
  expect(preview.fieldGroups.map((g) => g.what)).toEqual(['referrer']);
  const eli = preview.fieldGroups[0]!.reference;
  await openApp();
  await new ClientsPage(page).expectShown();
  await new AppShell(page).retentionLink.click();
  const retention = new RetentionPage(page);
  await retention.expectShown();
  await expect(page.getByTestId('field-groups-due-now-count')).toHaveText('1');
  await expect(page.locator('[data-section="field-groups-due-now"] tbody tr')).toHaveText([new RegExp(`${eli}.*Referrer’s contact details`)]);
  await page.getByRole('button', { name: 'Purge…' }).click();

  const purge = new PurgePage(page);
  await purge.expectShown();
  await expect(page).toHaveTitle('Purge — Confide');
  await expect(new AppShell(page).retentionLink).toHaveAttribute('aria-current', 'page');
  await expect(purge.references()).toHaveText(due);
  await expect(page.getByRole('main')).toContainText('Not destroyed');
  await expect(page.getByRole('main')).not.toContainText('Ada Adult');
  // The field-group line: Eli's referrer's details go, their record stays.
  await expect(purge.fieldGroups.locator('tbody tr')).toHaveText([new RegExp(`${eli}\\s*Referrer’s contact details\\s*2\\s*due 20 December 2019: when the last case closed`)]);
  await expect(page.getByRole('main')).not.toContainText('Marlowe');
  await checkAccessibility('purge-preview');
  await saveScreenshot('80-purge-preview');

  // A wrong passphrase destroys nothing and says so at the field.
  await purge.passphrase.fill('not my passphrase at all');
  await purge.destroy.click();
  await expect(page.getByText('That is not your passphrase.')).toBeVisible();
  expect((await vault.call('retention.purgePreview', {})).clients.map((c) => c.reference)).toEqual(due);

  await purge.passphrase.fill(PASSPHRASE);
  await purge.destroy.click();
  await expect(page.getByRole('heading', { name: '4. Certificate' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(`Run R-0001: destroyed ${due.length} clients`);
  expect(vault.progressSeen.some((p) => p.phase === 'Destroying records' && p.done === p.total)).toBe(true);
  expect(vault.progressSeen.some((p) => p.phase === 'Removing freed pages')).toBe(true);
  await saveScreenshot('81-purge-done');

  // A folder outside the vault's, as a director would choose.
  const folder = await mkdtemp(join(tmpdir(), 'confide-e2e-certificates-'));
  vault.willChoose(folder);
  await purge.saveCertificate.click();
  await expect(page.getByText(`Certificate saved to ${join(folder, 'destruction-certificate-R-0001.pdf')}`)).toBeVisible();
  await checkAccessibility('purge-done');
  await saveScreenshot('82-purge-certificate-saved');
  expect(await readdir(folder)).toEqual(['destruction-certificate-R-0001.pdf']);
  const pdf = await readFile(join(folder, 'destruction-certificate-R-0001.pdf'));
  const text = allText(await pdfText(pdf));
  for (const reference of [...due, eli]) expect(text).toContain(reference);
  expect(text).toContain('Parts of records destroyed');
  expect(text).toContain(USER);
  expect(text).not.toContain('Ada Adult');
  renderFirstPage(pdf, 'e2e-destruction-certificate');
  await rm(folder, { recursive: true, force: true });

  // Back on the dashboard nothing is due now; the register has the run.
  await page.getByRole('button', { name: 'Back to retention' }).click();
  await retention.expectShown();
  await expect(retention.references(retention.dueNow)).toHaveCount(0);
  await expect(page.getByTestId('field-groups-due-now-count')).toHaveText('0');
  const entries = (await vault.call('retention.register', {})).entries;
  expect(entries.map((e) => e.reference)).toEqual(expect.arrayContaining(due));
  expect(entries.filter((e) => e.what === 'referrer').map((e) => e.reference)).toEqual([eli]);
  expect(await vault.call('clients.get', { clientId: practice.eli.id })).toMatchObject({ referrerName: null, referrerContact: null });
});

test('a director marks a duplicate client and a wrongly recorded session as entered in error; the purge destroys them, naming no one', async ({
  page,
  vault,
  openApp,
  saveScreenshot,
  checkAccessibility,
}) => {
  await vault.create();
  const real = await vault.call('clients.create', { name: 'Noor Haddad' });
  const duplicate = await vault.call('clients.create', { name: 'Noor Hadad' });
  const kase = await vault.call('cases.create', { kind: 'individual', participantIds: [real.id], openedOn: '2026-11-02' });
  for (const startsAt of ['2026-11-09T10:00', '2026-11-16T10:00']) {
    await vault.call('sessions.create', { caseId: kase.id, startsAt, durationMinutes: 50, modality: 'in-person', status: 'attended', attendeeIds: [real.id] });
  }
  await openApp();
  const clients = new ClientsPage(page);
  await clients.expectShown();

  // The duplicate: the reason is asked for, and the core's own message shows when it is left out.
  await clients.open('Noor Hadad');
  const file = new ClientFilePage(page);
  await file.expectShown('Noor Hadad');
  await file.markClientInError.click();
  await expect(file.markDialog).toBeVisible();
  await file.markDialog.getByRole('button', { name: 'Mark as entered in error' }).click();
  await expect(file.markDialog.getByRole('textbox', { name: 'Reason' })).toBeFocused();
  await expect(file.markDialog.locator('.field-error')).toHaveText('Give the reason this record was entered in error');
  await file.markDialog.getByRole('textbox', { name: 'Reason' }).fill('Added twice; C-0001 is the real record');
  await checkAccessibility('mark-entered-in-error');
  await saveScreenshot('83-mark-entered-in-error');
  await file.markDialog.getByRole('button', { name: 'Mark as entered in error' }).click();
  await expect(file.markDialog).toBeHidden();
  await expect(file.retention.getByRole('status')).toHaveText('Client C-0002 marked as entered in error. The next purge destroys it.');
  await expect(file.retention.getByTestId('retention-due')).toHaveText('Due 23 November 2026: a director marked this client as entered in error that day.');
  await expect(file.clientInError).toContainText('due now for early destruction');
  await expect(file.clientInError).toContainText('Reason: Added twice; C-0001 is the real record');
  await expect(file.clientInError).toContainText(`Marked by ${USER} on 23 November 2026`);
  await expect(file.markClientInError).toHaveCount(0);
  await checkAccessibility('client-file-entered-in-error');
  await saveScreenshot('84-client-file-entered-in-error');

  // A session recorded on the wrong client, from the real client's timeline.
  await file.backToClients.click();
  await clients.open('Noor Haddad');
  await file.expectShown('Noor Haddad');
  const wrong = file.session('9 November 2026');
  await wrong.markInError.click();
  await expect(file.markDialog).toHaveAccessibleName('Mark the session of Monday 9 November 2026 at 10:00 as entered in error');
  await file.markInError('Recorded here instead of on another client');
  await expect(wrong.enteredInError).toContainText('Reason: Recorded here instead of on another client');
  await expect(wrong.markInError).toHaveCount(0);
  await expect(file.session('16 November 2026').markInError).toBeVisible();
  await expect(file.clientInError).toHaveCount(0);
  await saveScreenshot('85-session-entered-in-error');

  // The dashboard lists both, due now, with the reasons and no names; the purge destroys them.
  await new AppShell(page).retentionLink.click();
  const retention = new RetentionPage(page);
  await retention.expectShown();
  await expect(retention.references(retention.dueNow)).toHaveText(['C-0002']);
  await expect(retention.row(retention.dueNow, 'C-0002')).toContainText('Entered in error, for early destruction: Added twice; C-0001 is the real record');
  await expect(retention.row(retention.sessionsInError, 'K-0001')).toContainText('Recorded here instead of on another client');
  await expect(page.getByRole('main')).not.toContainText('Noor');
  await saveScreenshot('86-retention-entered-in-error');
  await retention.purge.click();
  const purge = new PurgePage(page);
  await purge.expectShown();
  await expect(purge.references()).toHaveText(['C-0002', 'K-0001']);
  await purge.passphrase.fill(PASSPHRASE);
  await purge.destroy.click();
  await expect(page.getByRole('heading', { name: '4. Certificate' })).toBeVisible();

  const folder = await mkdtemp(join(tmpdir(), 'confide-e2e-certificates-'));
  vault.willChoose(folder);
  await purge.saveCertificate.click();
  await expect(page.getByText(`Certificate saved to ${join(folder, 'destruction-certificate-R-0001.pdf')}`)).toBeVisible();
  const text = allText(await pdfText(await readFile(join(folder, 'destruction-certificate-R-0001.pdf'))));
  await rm(folder, { recursive: true, force: true });
  expect(text).toContain('C-0002');
  expect(text).toContain('entered in error');
  for (const secret of ['Noor', 'Added twice', 'Recorded here instead']) expect(text).not.toContain(secret);

  const register = await vault.call('retention.register', {});
  expect(register.entries.map((e) => [e.what, e.reference, e.rule])).toEqual([
    ['client', 'C-0002', 'due 23 November 2026: a director marked this client as entered in error that day'],
    ['session', 'K-0001', 'due 23 November 2026: a director marked this session as entered in error that day'],
  ]);
  expect(register.entries[1]).toMatchObject({ firstOn: '2026-11-09', lastOn: '2026-11-09', sessions: 1 });
  for (const secret of ['Noor', 'Added twice', 'Recorded here instead']) expect(JSON.stringify(register)).not.toContain(secret);
  expect((await vault.call('clients.list', {})).clients.map((c) => c.reference)).toEqual(['C-0001']);
  expect((await vault.call('sessions.list', { clientId: real.id })).sessions.map((s) => s.startsAt)).toEqual(['2026-11-16T10:00']);
});
