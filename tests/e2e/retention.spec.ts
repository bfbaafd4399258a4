import { AppShell } from './pages/AppShell';
import { ClientsPage } from './pages/ClientsPage';
import { RetentionPage } from './pages/RetentionPage';
import { SettingsPage } from './pages/SettingsPage';
import { expect, test, USER, type Vault } from './fixtures';
import { retentionPractice } from '../support/retention-practice';

/** Moves the harness's clock to noon (UTC) on a date, backwards or forwards. */
function clockAt(vault: Vault) {
  return {
    at(date: string) {
      vault.clock.advance(Date.parse(`${date}T12:00:00Z`) - vault.clock.now().getTime());
    },
  };
}

async function practiceOverElevenYears(vault: Vault) {
  await vault.create();
  return retentionPractice((method, input) => vault.call(method, input), clockAt(vault));
}

test.describe('retention', () => {
  test('the dashboard lists due now, due in 90 days and on hold by reference with each reason; names only on request (audited)', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    await practiceOverElevenYears(vault);
    await openApp();
    await new ClientsPage(page).expectShown();
    const shell = new AppShell(page);
    await shell.retentionLink.click();
    const retention = new RetentionPage(page);
    await retention.expectShown();
    await expect(page).toHaveTitle('Retention — Confide');
    await expect(shell.retentionLink).toHaveAttribute('aria-current', 'page');

    await expect(retention.references(retention.dueNow)).toHaveText(['C-0001', 'C-0003', 'C-0005', 'C-0006', 'C-0004', 'C-0011', 'C-0012']);
    await expect(retention.references(retention.dueSoon)).toHaveText(['C-0007']);
    await expect(retention.references(retention.onHold)).toHaveText(['C-0008', 'C-0010']);
    await expect(retention.dueNow.getByTestId('due-now-count')).toHaveText('7');
    await expect(retention.row(retention.dueNow, 'C-0004')).toContainText(
      'due 1 June 2026: their 25th birthday, later than 7 years after the last case closed on 1 May 2016 (they were under 18 then)',
    );
    await expect(retention.row(retention.onHold, 'C-0008')).toContainText('on hold: a court hold on case K-0006 since 25 November 2026');
    await expect(retention.row(retention.onHold, 'C-0010')).toContainText('an open release');
    // No names until asked for.
    await expect(page.getByRole('main')).not.toContainText('Ada Adult');
    await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveCount(0);
    await checkAccessibility('retention');
    await saveScreenshot('70-retention-dashboard');

    await retention.showNames.click();
    await expect(retention.row(retention.dueNow, 'C-0001')).toContainText('Ada Adult');
    await expect(retention.hideNames).toHaveAttribute('aria-pressed', 'true');
    await saveScreenshot('71-retention-dashboard-names');
    const entries = (await vault.call('audit.list', { action: 'retention.overview' })).entries;
    expect(entries.map((e) => e.detail['withNames'])).toEqual([true, false]);
    await retention.hideNames.click();
    await expect(page.getByRole('main')).not.toContainText('Ada Adult');

    // A reference opens the client's file, whose retention panel gives the same reason.
    await retention.row(retention.onHold, 'C-0008').getByRole('button', { name: 'C-0008' }).click();
    const panel = page.getByTestId('retention-panel');
    await expect(panel.getByTestId('retention-due')).toHaveText('Due 10 April 2024: 7 years after the last case closed on 10 April 2017.');
    await expect(panel).toContainText('Court hold on case K-0006: Leeds County Court LS17C00042');
    await expect(panel).toContainText(`Placed by ${USER}`);
  });

  test('a director places and releases a legal hold in the client file; the dashboard follows', async ({ page, vault, openApp, saveScreenshot, checkAccessibility }) => {
    const practice = await practiceOverElevenYears(vault);
    await openApp();
    await new ClientsPage(page).expectShown();
    const shell = new AppShell(page);
    await shell.retentionLink.click();
    const retention = new RetentionPage(page);
    await retention.row(retention.dueNow, 'C-0001').getByRole('button', { name: 'C-0001' }).click();
    const panel = page.getByTestId('retention-panel');
    await expect(panel.getByTestId('retention-due')).toHaveText('Due 14 March 2022: 7 years after the last case closed on 14 March 2015.');
    await panel.getByRole('button', { name: 'Place a legal hold' }).click();
    const dialog = page.getByRole('dialog', { name: 'Place a legal hold' });
    await dialog.getByRole('button', { name: 'Place hold' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Reference' })).toBeFocused();
    await expect(dialog).toContainText('Enter the reference of the court order, inquest, complaint or investigation');
    await dialog.getByLabel('Kind of hold').selectOption('coroner');
    await dialog.getByRole('textbox', { name: 'Reference' }).fill('Inquest West Yorkshire 2026/114');
    await checkAccessibility('place-hold');
    await saveScreenshot('72-place-hold');
    await dialog.getByRole('button', { name: 'Place hold' }).click();
    await expect(panel.getByRole('status')).toHaveText('Coroner hold placed on this client.');
    await expect(panel).toContainText('On hold: a coroner’s hold on the client since 25 November 2026.');
    await saveScreenshot('73-client-file-retention');
    expect((await vault.call('retention.clientDue', { clientId: practice.ada.id })).blockers).toMatchObject([{ kind: 'legal-hold' }]);
    expect((await vault.call('audit.list', { action: 'hold.place' })).entries[0]).toMatchObject({ actor: { name: USER } });

    await shell.retentionLink.click();
    await expect(retention.references(retention.onHold)).toHaveText(['C-0001', 'C-0008', 'C-0010']);

    await retention.row(retention.onHold, 'C-0001').getByRole('button', { name: 'C-0001' }).click();
    await panel.getByRole('button', { name: 'Release Coroner hold Inquest West Yorkshire 2026/114' }).click();
    await expect(panel.getByRole('status')).toHaveText('Coroner hold Inquest West Yorkshire 2026/114 released.');
    await expect(panel).not.toContainText('On hold');
    await shell.retentionLink.click();
    await expect(retention.references(retention.onHold)).toHaveText(['C-0008', 'C-0010']);
  });

  test('retention rules in Settings: each explained, and how many clients’ due dates a change moves before it is saved', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    await practiceOverElevenYears(vault);
    await openApp();
    await new ClientsPage(page).expectShown();
    await new AppShell(page).settingsLink.click();
    await new SettingsPage(page).expectShown();
    const section = page.getByRole('region', { name: 'Retention rules' });
    const years = section.getByRole('textbox', { name: 'Years to keep records after the last case closes' });
    await expect(years).toHaveValue('7');
    await expect(section.locator('[data-rule="client-records"]')).toHaveText(
      'A client’s records are destroyed 7 years after their last case closes (a client who never had a case: 7 years after their last record).',
    );
    await expect(section.locator('[data-rule="legal-holds"]')).toContainText('Nothing is destroyed while a legal hold is open');

    await years.fill('0');
    await section.getByRole('button', { name: 'Check the effect of these rules' }).click();
    await expect(years).toBeFocused();
    await expect(section).toContainText('must be at least 1 years');

    await years.fill('8');
    // The explanation follows what is typed, before anything is saved.
    await expect(section.locator('[data-rule="client-records"]')).toContainText('8 years after their last case closes');
    await section.getByRole('button', { name: 'Check the effect of these rules' }).click();
    await expect(section.getByTestId('retention-change')).toContainText('This change moves 8 clients’ due dates; 1 would no longer be due.');
    expect((await vault.call('retention.rules', {})).rules.clientRecords.years).toBe(7);
    await checkAccessibility('settings-retention');
    await saveScreenshot('74-settings-retention-change');

    await section.getByRole('button', { name: 'Save retention rules' }).click();
    await expect(section.getByRole('status')).toHaveText('Retention rules saved. 8 clients’ due dates moved.');
    expect((await vault.call('retention.rules', {})).rules.clientRecords.years).toBe(8);
    expect((await vault.call('audit.list', { action: 'retention.rules.update' })).entries).toHaveLength(1);
  });
});
