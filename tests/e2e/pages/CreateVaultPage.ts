import { expect, type Locator, type Page } from '@playwright/test';
import { fieldError } from './fieldError';

export class CreateVaultPage {
  readonly heading: Locator;
  readonly practiceName: Locator;
  readonly userName: Locator;
  readonly passphrase: Locator;
  readonly confirm: Locator;
  readonly strength: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Set up your Confide vault' });
    this.practiceName = page.getByRole('textbox', { name: 'Practice name', exact: true });
    this.userName = page.getByRole('textbox', { name: 'Your name', exact: true });
    this.passphrase = page.getByLabel('Passphrase', { exact: true });
    this.confirm = page.getByLabel('Confirm passphrase');
    this.strength = page.getByTestId('strength');
    this.submit = page.getByRole('button', { name: 'Create vault' });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.heading).toBeFocused();
  }

  async fill(details: { practiceName: string; userName: string; passphrase: string; confirm?: string }): Promise<void> {
    await this.practiceName.fill(details.practiceName);
    await this.userName.fill(details.userName);
    await this.passphrase.fill(details.passphrase);
    await this.confirm.fill(details.confirm ?? details.passphrase);
  }

  fieldError(field: Locator): Locator {
    return fieldError(field);
  }
}
