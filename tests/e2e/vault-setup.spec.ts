import { AppShell } from './pages/AppShell';
import { ClientsPage } from './pages/ClientsPage';
import { CreateVaultPage } from './pages/CreateVaultPage';
import { RecoveryCodePage } from './pages/RecoveryCodePage';
import { expect, PASSPHRASE, PRACTICE, printCount, test, USER } from './fixtures';

test.describe('first run', () => {
  test('creates a vault with strength feedback, refusing a passphrase that is too short or too easy to guess', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    await openApp();
    const create = new CreateVaultPage(page);
    await create.expectShown();
    await checkAccessibility('create vault');

    await create.practiceName.fill(PRACTICE);
    await create.userName.fill(USER);
    await create.passphrase.fill('password1');
    await expect(create.strength).toContainText('Strength: Very weak');
    await expect(create.strength).toContainText('3 more characters needed');
    await expect(create.strength.getByRole('listitem').first()).toBeVisible();
    await create.confirm.fill('password1');
    await saveScreenshot('01-create-vault-weak-passphrase');

    await create.submit.click();
    await expect(create.fieldError(create.passphrase)).toHaveText('Passphrase must be at least 12 characters');
    await expect(create.passphrase).toBeFocused();
    await expect(create.passphrase).toHaveAttribute('aria-invalid', 'true');
    expect(vault.core.isUnlocked()).toBe(false);
    expect((await vault.call('vault.status', {})).state).toBe('uninitialised');
    await saveScreenshot('02-create-vault-too-short');

    // Long enough but easy to guess: the core's strength rule, shown before anything is sent.
    await create.passphrase.fill('password1234');
    await create.confirm.fill('password1234');
    await expect(create.strength).toContainText('not strong enough yet');
    await create.submit.click();
    await expect(create.fieldError(create.passphrase)).toContainText('Passphrase is too easy to guess');
    await expect(create.fieldError(create.passphrase)).toContainText('Add one or two more words');
    expect((await vault.call('vault.status', {})).state).toBe('uninitialised');

    await create.passphrase.fill(PASSPHRASE);
    await create.confirm.fill(`${PASSPHRASE}!`);
    await expect(create.strength).toContainText(/Strength: (Strong|Very strong)/);
    await create.submit.click();
    await expect(create.fieldError(create.confirm)).toHaveText('The passphrases do not match');
    expect((await vault.call('vault.status', {})).state).toBe('uninitialised');

    await create.confirm.fill(PASSPHRASE);
    await saveScreenshot('03-create-vault-ready');
    await create.confirm.press('Enter');

    const recovery = new RecoveryCodePage(page);
    await recovery.expectShown();
    expect(vault.core.isUnlocked()).toBe(true);
  });

  test('shows the recovery code once, prints only the kit, and requires confirmation', async ({
    page,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    await openApp();
    const create = new CreateVaultPage(page);
    await create.expectShown();
    await create.fill({ practiceName: PRACTICE, userName: USER, passphrase: PASSPHRASE });
    await create.submit.click();

    const recovery = new RecoveryCodePage(page);
    await recovery.expectShown();
    const code = await recovery.readCode();
    expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    await checkAccessibility('recovery code');
    await saveScreenshot('04-recovery-code');

    await recovery.printButton.click();
    expect(await printCount(page)).toBe(1);

    // On paper: only the kit — practice, date and code — and none of the app around it.
    await page.emulateMedia({ media: 'print' });
    await expect(recovery.printKit).toBeVisible();
    await expect(recovery.screenContent).toBeHidden();
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(recovery.printKit).toContainText('Confide recovery kit');
    await expect(recovery.printKit).toContainText(PRACTICE);
    await expect(recovery.printKit).toContainText('23 November 2026');
    await expect(recovery.printKit).toContainText(code.replaceAll('-', ''));
    await saveScreenshot('05-recovery-kit-print');
    await page.emulateMedia({ media: 'screen' });
    await expect(recovery.printKit).toBeHidden();

    // Continuing without the confirmation is refused.
    await recovery.continueButton.click();
    await expect(page.getByRole('alert')).toContainText('Confirm that you have written down or printed the recovery code');
    await expect(recovery.heading).toBeVisible();

    await recovery.confirmation.check();
    await recovery.continueButton.click();
    const clients = new ClientsPage(page);
    await clients.expectShown();
    await new AppShell(page).expectSignedIn(PRACTICE, USER);
    // The code is gone from the page once the person has moved on.
    await expect(page.getByText(code.slice(0, 5))).toHaveCount(0);
  });
});
