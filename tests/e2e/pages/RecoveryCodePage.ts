import { expect, type Locator, type Page } from '@playwright/test';

export class RecoveryCodePage {
  readonly heading: Locator;
  readonly code: Locator;
  readonly printButton: Locator;
  readonly confirmation: Locator;
  readonly continueButton: Locator;
  readonly printKit: Locator;
  readonly screenContent: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Your recovery code' });
    this.code = page.getByTestId('recovery-code');
    this.printButton = page.getByRole('button', { name: 'Print recovery kit' });
    this.confirmation = page.getByLabel('I have written down or printed this code');
    this.continueButton = page.getByRole('button', { name: 'Continue to Confide' });
    this.printKit = page.locator('.print-kit');
    this.screenContent = page.getByRole('main');
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
