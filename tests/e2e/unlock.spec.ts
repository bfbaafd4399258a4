import { AppShell } from './pages/AppShell';
import { ClientsPage } from './pages/ClientsPage';
import { fieldError } from './pages/fieldError';
import { RecoverPage } from './pages/RecoverPage';
import { UnlockPage } from './pages/UnlockPage';
import { expect, PASSPHRASE, PRACTICE, test, USER } from './fixtures';

test.describe('unlocking', () => {
  test('locks from the top bar and unlocks with the passphrase', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    await vault.create();
    await openApp();
    const clients = new ClientsPage(page);
    await clients.expectShown();

    await new AppShell(page).lock();
    const unlock = new UnlockPage(page);
    await unlock.expectShown();
    expect(vault.core.isUnlocked()).toBe(false);
    await expect(page.getByRole('banner')).not.toContainText('Signed in as');
    // The name is offered again; the passphrase never is.
    await expect(unlock.userName).toHaveValue(USER);
    await expect(unlock.passphrase).toHaveValue('');
    await checkAccessibility('unlock');
    await saveScreenshot('06-unlock');

    await unlock.passphrase.fill(PASSPHRASE);
    await unlock.passphrase.press('Enter');
    await clients.expectShown();
    await new AppShell(page).expectSignedIn(PRACTICE, USER);
    expect(vault.core.isUnlocked()).toBe(true);
  });

  test('a wrong passphrase is explained and the vault stays locked; repeated tries must wait', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
  }) => {
    await vault.create();
    vault.core.lock('user');
    await openApp();
    const unlock = new UnlockPage(page);
    await unlock.expectShown();

    await unlock.unlock(USER, 'not the right passphrase');
    await expect(unlock.error).toHaveText(
      'That name and passphrase do not match. Check both and try again — capital letters matter.',
    );
    await expect(unlock.heading).toBeVisible();
    await expect(unlock.passphrase).toHaveValue('');
    await expect(unlock.passphrase).toBeFocused();
    await expect(fieldError(unlock.passphrase)).toHaveText('Check your passphrase');
    expect(vault.core.isUnlocked()).toBe(false);
    await saveScreenshot('07-unlock-wrong-passphrase');

    // Three misses are free; after the fourth the core asks for a wait, and the screen says how long.
    for (let attempt = 2; attempt <= 4; attempt += 1) {
      await unlock.unlock(USER, `wrong guess ${attempt}`);
      await expect(unlock.passphrase).toHaveValue('');
      await expect(unlock.submit).toBeEnabled();
    }
    await unlock.unlock(USER, PASSPHRASE);
    await expect(unlock.error).toContainText('Too many unsuccessful attempts. For your security, please wait');
    await expect(unlock.error).toContainText(/wait \d seconds? before trying again/);
    await expect(unlock.submit).toBeDisabled();
    expect(vault.core.isUnlocked()).toBe(false);
    await saveScreenshot('08-unlock-too-many-attempts');

    // Once the wait is over (in the core's clock and on screen), the right passphrase works.
    vault.clock.advance(60_000);
    await expect(unlock.submit).toBeEnabled();
    await unlock.unlock(USER, PASSPHRASE);
    await new ClientsPage(page).expectShown();
    expect(vault.core.isUnlocked()).toBe(true);
  });

  test('the recovery code unlocks and sets a new passphrase, which then works', async ({
    page,
    vault,
    openApp,
    saveScreenshot,
    checkAccessibility,
  }) => {
    const { recoveryCode } = await vault.create();
    vault.core.lock('user');
    await openApp();
    const unlock = new UnlockPage(page);
    await unlock.expectShown();
    await unlock.useRecoveryCode.click();

    const recover = new RecoverPage(page);
    await recover.expectShown();
    await checkAccessibility('recover');

    // A short new passphrase is refused before anything is sent.
    await recover.recover({ userName: USER, recoveryCode, newPassphrase: 'too short' });
    await expect(fieldError(recover.newPassphrase)).toHaveText('Passphrase must be at least 12 characters');
    await expect(recover.strength).toContainText('Strength:');
    expect(vault.core.isUnlocked()).toBe(false);

    // A wrong code is explained.
    await recover.recover({ userName: USER, recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA', newPassphrase: 'willow harbour seven kites' });
    await expect(recover.error).toContainText('That name and recovery code do not match');
    expect(vault.core.isUnlocked()).toBe(false);

    const newPassphrase = 'willow harbour seven kites';
    await recover.userName.fill(USER);
    await recover.recoveryCode.fill(recoveryCode);
    await recover.newPassphrase.fill(newPassphrase);
    await recover.confirm.fill(newPassphrase);
    await expect(recover.strength).toContainText(/Strength: (Strong|Very strong)/);
    await saveScreenshot('09-recover');
    await recover.submit.click();

    const clients = new ClientsPage(page);
    await clients.expectShown();
    await expect(page.getByRole('status').filter({ hasText: 'Your new passphrase is set' })).toBeVisible();
    expect(vault.core.isUnlocked()).toBe(true);

    // The old passphrase no longer opens the vault; the new one does.
    await new AppShell(page).lock();
    await unlock.expectShown();
    await unlock.unlock(USER, PASSPHRASE);
    await expect(unlock.error).toContainText('do not match');
    await unlock.unlock(USER, newPassphrase);
    await clients.expectShown();
    expect(vault.core.isUnlocked()).toBe(true);
  });
});
