import { expect, type Locator, type Page } from '@playwright/test';

/** The top bar shown while the vault is unlocked. */
export class AppShell {
  readonly banner: Locator;
  readonly lockButton: Locator;

  constructor(readonly page: Page) {
    this.banner = page.getByRole('banner');
    this.lockButton = this.banner.getByRole('button', { name: 'Lock', exact: true });
  }

  async expectSignedIn(practiceName: string, userName: string): Promise<void> {
    await expect(this.banner).toContainText(practiceName);
    await expect(this.banner).toContainText(`Signed in as ${userName}`);
  }

  async lock(): Promise<void> {
    await this.lockButton.click();
  }
}
