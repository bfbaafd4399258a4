import { AppShell } from './pages/AppShell';
import { AuditLogPage } from './pages/AuditLogPage';
import { ClientsPage } from './pages/ClientsPage';
import { expect, test } from './fixtures';

test.describe('audit log', () => {
  test('a director reads the log by client reference and action, and checks the chain', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    await vault.create();
    const alex = await vault.call('clients.create', { name: 'Alex Rivers' });
    await vault.call('clients.create', { name: 'Blake Rivers' });
    await vault.call('clients.get', { clientId: alex.id });
    // A refused call is entered too, as an attempt.
    await vault.core.call('clients.get', { clientId: '00000000-0000-4000-8000-000000000000' });
    await openApp();
    await new ClientsPage(page).expectShown();
    await new AppShell(page).nav.getByRole('button', { name: 'Audit log' }).click();
    const audit = new AuditLogPage(page);
    await audit.expectShown();
    const everything = await audit.actions();
    // Newest first: the screen's own reads, then the refused attempt, the view and the two clients added.
    expect(everything).toContain('Listed the users');
    const attempt = everything.indexOf('Opened a client file Refused');
    expect(attempt).toBeGreaterThan(-1);
    expect(everything.slice(attempt, attempt + 4)).toEqual([
      'Opened a client file Refused',
      'Opened a client file',
      'Added a client',
      'Added a client',
    ]);
    await expect(page.getByRole('main')).not.toContainText('Alex Rivers');

    await audit.clientReference.fill(alex.reference);
    await audit.show.click();
    await expect(audit.count).toHaveText('2 entries.');
    expect(await audit.actions()).toEqual(['Opened a client file', 'Added a client']);
    await expect(audit.rows.nth(1)).toContainText(alex.reference);

    await audit.clientReference.fill('');
    await audit.what.selectOption({ label: 'Added a client' });
    await audit.show.click();
    await expect(audit.count).toHaveText('2 entries.');

    await audit.clientReference.fill('Alex');
    await audit.show.click();
    await expect(page.getByText('Client reference must look like C-0001')).toBeVisible();

    await audit.checkChain.click();
    await expect(audit.chainResult).toContainText('The audit trail is intact');
    // The check reported its progress to the page through the call's event stream.
    expect(vault.progressSeen.at(-1)).toMatchObject({ phase: 'Checking every page of the vault' });
    expect(vault.progressSeen.at(-1)?.done).toBe(vault.progressSeen.at(-1)?.total);
    await checkAccessibility('audit log');
    await saveScreenshot('50-audit-log');
  });

  test('a therapist has no audit log, and the core refuses them', async ({ page, vault, openApp }) => {
    await vault.create();
    await vault.call('users.create', { name: 'Tess Therapist', roles: ['therapist'], passphrase: 'tess keeps her own caseload' });
    await vault.lockFromMain('user');
    await vault.call('vault.unlock', { userName: 'Tess Therapist', passphrase: 'tess keeps her own caseload' });
    await openApp();
    await new ClientsPage(page).expectShown();
    await expect(new AppShell(page).nav.getByRole('button', { name: 'Audit log' })).toHaveCount(0);
    expect(await vault.core.call('audit.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
