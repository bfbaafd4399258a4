import { expect, type Locator, type Page } from '@playwright/test';

export class UnlockPage {
  readonly heading: Locator;
  readonly userName: Locator;
  readonly passphrase: Locator;
  readonly submit: Locator;
  readonly useRecoveryCode: Locator;
  readonly error: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Unlock Confide' });
    this.userName = page.getByRole('textbox', { name: 'Your name', exact: true });
    this.passphrase = page.getByLabel('Passphrase', { exact: true });
    this.submit = page.getByRole('button', { name: 'Unlock', exact: true });
    this.useRecoveryCode = page.getByRole('button', { name: 'Use recovery code' });
    this.error = page.getByRole('alert');
    this.notice = page.getByRole('status');
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.heading).toBeFocused();
  }

  async unlock(userName: string, passphrase: string): Promise<void> {
    await this.userName.fill(userName);
    await this.passphrase.fill(passphrase);
    await this.passphrase.press('Enter');
  }
}
