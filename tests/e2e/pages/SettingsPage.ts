import { expect, type Locator, type Page } from '@playwright/test';

/** The Settings screen: auto-lock, the person's own passphrase, and a new recovery code. */
export class SettingsPage {
  readonly heading: Locator;
  readonly autoLock: Locator;
  readonly autoLockMinutes: Locator;
  readonly saveAutoLock: Locator;
  readonly autoLockValue: Locator;
  readonly passphraseSection: Locator;
  readonly currentPassphrase: Locator;
  readonly newPassphrase: Locator;
  readonly confirmNewPassphrase: Locator;
  readonly strength: Locator;
  readonly changePassphrase: Locator;
  readonly recoverySection: Locator;
  readonly recoveryPassphrase: Locator;
  readonly makeRecoveryCode: Locator;
  readonly newCodeHeading: Locator;
  readonly code: Locator;
  readonly confirmation: Locator;
  readonly backToSettings: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = page.getByRole('heading', { level: 1, name: 'Settings' });
    this.autoLock = main.getByRole('region', { name: 'Auto-lock' });
    this.autoLockMinutes = this.autoLock.getByRole('textbox', { name: 'Lock after this many minutes without use' });
    this.saveAutoLock = this.autoLock.getByRole('button', { name: 'Save auto-lock' });
    this.autoLockValue = this.autoLock.getByTestId('auto-lock-value');
    this.passphraseSection = main.getByRole('region', { name: 'Change your passphrase' });
    this.currentPassphrase = this.passphraseSection.getByLabel('Current passphrase', { exact: true });
    this.newPassphrase = this.passphraseSection.getByLabel('New passphrase', { exact: true });
    this.confirmNewPassphrase = this.passphraseSection.getByLabel('Confirm new passphrase', { exact: true });
    this.strength = this.passphraseSection.getByTestId('strength');
    this.changePassphrase = this.passphraseSection.getByRole('button', { name: 'Change passphrase' });
    this.recoverySection = main.getByRole('region', { name: 'New recovery code' });
    this.recoveryPassphrase = this.recoverySection.getByLabel('Your current passphrase', { exact: true });
    this.makeRecoveryCode = this.recoverySection.getByRole('button', { name: 'Make a new recovery code' });
    this.newCodeHeading = page.getByRole('heading', { level: 1, name: 'Your new recovery code' });
    this.code = page.getByTestId('recovery-code');
    this.confirmation = page.getByLabel('I have written down or printed this code');
    this.backToSettings = page.getByRole('button', { name: 'Back to settings' });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.heading).toBeFocused();
  }

  /** The code as shown: its groups joined with dashes. */
  async readCode(): Promise<string> {
    const groups = await this.code.locator('.recovery-code-group').allTextContents();
    return groups.join('-');
  }
}
