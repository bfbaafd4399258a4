import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppShell } from './pages/AppShell';
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
