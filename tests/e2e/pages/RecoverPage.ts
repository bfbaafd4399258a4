import { expect, type Locator, type Page } from '@playwright/test';

export class RecoverPage {
  readonly heading: Locator;
  readonly userName: Locator;
  readonly recoveryCode: Locator;
  readonly newPassphrase: Locator;
  readonly confirm: Locator;
  readonly strength: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Unlock with your recovery code' });
    this.userName = page.getByRole('textbox', { name: 'Your name', exact: true });
    this.recoveryCode = page.getByRole('textbox', { name: 'Recovery code', exact: true });
    this.newPassphrase = page.getByLabel('New passphrase', { exact: true });
    this.confirm = page.getByLabel('Confirm new passphrase');
    this.strength = page.getByTestId('strength');
    this.submit = page.getByRole('button', { name: 'Unlock and set new passphrase' });
    this.error = page.getByRole('alert');
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.heading).toBeFocused();
  }

  async recover(details: { userName: string; recoveryCode: string; newPassphrase: string }): Promise<void> {
    await this.userName.fill(details.userName);
    await this.recoveryCode.fill(details.recoveryCode);
    await this.newPassphrase.fill(details.newPassphrase);
    await this.confirm.fill(details.newPassphrase);
    await this.submit.click();
  }
}
