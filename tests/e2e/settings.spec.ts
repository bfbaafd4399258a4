import { AppShell } from './pages/AppShell';
import { ClientsPage } from './pages/ClientsPage';
import { fieldError } from './pages/fieldError';
import { SettingsPage } from './pages/SettingsPage';
import { UnlockPage } from './pages/UnlockPage';
import { expect, PASSPHRASE, printCount, test, USER } from './fixtures';

const NEW_PASSPHRASE = 'saffron kettle glacier ninety';
const THERAPIST = 'Robin Hale';
const THERAPIST_PASSPHRASE = 'harbour violet meadow sixteen';

test.describe('settings', () => {
  test('a director changes auto-lock; the core keeps the new value', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    await vault.create();
    await openApp();
    await new ClientsPage(page).expectShown();
    const shell = new AppShell(page);
    await shell.settingsLink.click();
    const settings = new SettingsPage(page);
    await settings.expectShown();
    await expect(shell.settingsLink).toHaveAttribute('aria-current', 'page');
    await expect(shell.clientsLink).not.toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page).toHaveTitle('Settings — Confide');

    const before = await vault.call('settings.get', {});
    await expect(settings.autoLockMinutes).toHaveValue(String(before.autoLockMinutes));

    await settings.autoLockMinutes.fill('90');
    await settings.saveAutoLock.click();
    await expect(fieldError(settings.autoLockMinutes)).toHaveText('Enter a whole number of minutes from 1 to 60');
    await expect(settings.autoLockMinutes).toBeFocused();
    expect(await vault.call('settings.get', {})).toEqual(before);

    // Keyboard only: type and press Enter.
    await settings.autoLockMinutes.fill('7');
    await settings.autoLockMinutes.press('Enter');
    await expect(settings.autoLock.getByRole('status')).toHaveText('Saved. Confide now locks after 7 minutes without use.');
    await expect(fieldError(settings.autoLockMinutes)).toHaveCount(0);
    expect(await vault.call('settings.get', {})).toEqual({ autoLockMinutes: 7 });

    await checkAccessibility('settings');
    await saveScreenshot('40-settings');
  });

  test('a therapist sees auto-lock read-only (no control), and the core refuses them anyway', async ({ page, vault, openApp }) => {
    await vault.create();
    await vault.call('settings.update', { autoLockMinutes: 12 });
    await vault.call('users.create', { name: THERAPIST, roles: ['therapist'], passphrase: THERAPIST_PASSPHRASE });
    vault.core.lock('user');
    await vault.call('vault.unlock', { userName: THERAPIST, passphrase: THERAPIST_PASSPHRASE });
    await openApp();
    await new ClientsPage(page).expectShown();
    const shell = new AppShell(page);
    await expect(shell.usersLink).toHaveCount(0);
    await shell.settingsLink.click();
    const settings = new SettingsPage(page);
    await settings.expectShown();
    await expect(settings.autoLockValue).toHaveText('Confide locks after 12 minutes without use.');
    await expect(settings.autoLock).toContainText('Only a practice director can change this.');
    await expect(settings.autoLockMinutes).toHaveCount(0);
    await expect(settings.saveAutoLock).toHaveCount(0);
    // Their own passphrase is theirs to change; the practice's recovery code is the director's.
    await expect(settings.currentPassphrase).toBeVisible();
    await expect(settings.makeRecoveryCode).toHaveCount(0);
    const refused = await vault.core.call('settings.update', { autoLockMinutes: 30 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const noCode = await vault.core.call('vault.newRecoveryCode', { currentPassphrase: THERAPIST_PASSPHRASE });
    expect(noCode).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  test('changes the passphrase: a wrong current one is refused; the new one unlocks after locking', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    await vault.create();
    await openApp();
    await new ClientsPage(page).expectShown();
    const shell = new AppShell(page);
    await shell.settingsLink.click();
    const settings = new SettingsPage(page);
    await settings.expectShown();

    await settings.currentPassphrase.fill('not my passphrase at all');
    await settings.newPassphrase.fill(NEW_PASSPHRASE);
    await expect(settings.strength).toContainText(/Strength: (Strong|Very strong)/);
    await settings.confirmNewPassphrase.fill(NEW_PASSPHRASE);
    await settings.changePassphrase.click();
    await expect(fieldError(settings.currentPassphrase)).toHaveText(
      'That is not your current passphrase. Check it and try again — capital letters matter.',
    );
    await expect(settings.currentPassphrase).toBeFocused();
    await checkAccessibility('settings, wrong current passphrase');
    await saveScreenshot('41-settings-wrong-passphrase');

    await settings.currentPassphrase.fill(PASSPHRASE);
    await settings.changePassphrase.click();
    await expect(settings.passphraseSection.getByRole('status').filter({ hasText: 'changed' })).toHaveText(
      'Your passphrase has been changed. Use the new one next time you unlock Confide.',
    );
    await expect(settings.currentPassphrase).toHaveValue('');
    await expect(settings.newPassphrase).toHaveValue('');
    await expect(settings.confirmNewPassphrase).toHaveValue('');
    await expect(fieldError(settings.currentPassphrase)).toHaveCount(0);

    await shell.lock();
    const unlock = new UnlockPage(page);
    await unlock.expectShown();
    await unlock.unlock(USER, PASSPHRASE);
    await expect(unlock.error).toContainText('do not match');
    vault.clock.advance(60_000);
    await unlock.unlock(USER, NEW_PASSPHRASE);
    await new ClientsPage(page).expectShown();
    await shell.expectSignedIn('Riverside Counselling', USER);
  });

  test('a new recovery code is shown once; the old code stops working and the new one works', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    const { recoveryCode: oldCode } = await vault.create();
    await openApp();
    await new ClientsPage(page).expectShown();
    const shell = new AppShell(page);
    await shell.settingsLink.click();
    const settings = new SettingsPage(page);
    await settings.expectShown();
    await expect(settings.recoverySection).toContainText('stops working straight away');

    await settings.makeRecoveryCode.click();
    await expect(fieldError(settings.recoveryPassphrase)).toHaveText('Enter your current passphrase');
    await expect(settings.recoveryPassphrase).toBeFocused();
    await settings.recoveryPassphrase.fill('wrong passphrase here');
    await settings.recoveryPassphrase.press('Enter');
    await expect(fieldError(settings.recoveryPassphrase)).toHaveText(
      'That is not your current passphrase. Check it and try again — capital letters matter.',
    );

    await settings.recoveryPassphrase.fill(PASSPHRASE);
    await settings.makeRecoveryCode.click();
    await expect(settings.newCodeHeading).toBeVisible();
    await expect(settings.newCodeHeading).toBeFocused();
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    const newCode = await settings.readCode();
    expect(newCode.replace(/-/g, '')).not.toBe(oldCode.replace(/[\s-]/g, ''));
    await expect(page.locator('.print-kit')).toContainText('Code made by');
    await page.getByRole('button', { name: 'Print recovery kit' }).click();
    expect(await printCount(page)).toBe(1);
    await checkAccessibility('new recovery code');
    await saveScreenshot('42-settings-new-recovery-code');

    // The acknowledgement is required before leaving.
    await settings.backToSettings.click();
    await expect(page.getByRole('alert')).toHaveText('Confirm that you have written down or printed the recovery code.');
    await expect(settings.newCodeHeading).toBeVisible();
    await settings.confirmation.check();
    await settings.backToSettings.click();
    await settings.expectShown();
    await expect(page.getByRole('main').getByRole('status').first()).toHaveText(
      'The new recovery code is in use. The old one no longer works.',
    );
    // Shown once: it is nowhere on the page any more.
    await expect(settings.code).toHaveCount(0);

    // The core, directly: the old code is refused, the new one opens the vault.
    await vault.lockFromMain('user');
    const input = { userName: USER, newPassphrase: 'after the new recovery code' };
    const refused = await vault.core.call('vault.recover', { ...input, recoveryCode: oldCode });
    expect(refused).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    vault.clock.advance(60_000);
    await vault.call('vault.recover', { ...input, recoveryCode: newCode });
    expect(vault.core.isUnlocked()).toBe(true);
  });
});
