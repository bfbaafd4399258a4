import { expect, type Locator, type Page } from '@playwright/test';

/** The top bar shown while the vault is unlocked. */
export class AppShell {
  readonly banner: Locator;
  readonly lockButton: Locator;
  readonly nav: Locator;
  readonly clientsLink: Locator;
  readonly usersLink: Locator;
  readonly settingsLink: Locator;
  readonly recordingsLink: Locator;
  readonly retentionLink: Locator;

  constructor(readonly page: Page) {
    this.banner = page.getByRole('banner');
    this.lockButton = this.banner.getByRole('button', { name: 'Lock', exact: true });
    this.nav = this.banner.getByRole('navigation', { name: 'Main' });
    this.clientsLink = this.nav.getByRole('button', { name: 'Clients' });
    this.usersLink = this.nav.getByRole('button', { name: 'Users' });
    this.settingsLink = this.nav.getByRole('button', { name: 'Settings' });
    this.recordingsLink = this.nav.getByRole('button', { name: 'Recordings' });
    this.retentionLink = this.nav.getByRole('button', { name: 'Retention' });
  }

  async expectSignedIn(practiceName: string, userName: string): Promise<void> {
    await expect(this.banner).toContainText(practiceName);
    await expect(this.banner).toContainText(`Signed in as ${userName}`);
  }

  async lock(): Promise<void> {
    await this.lockButton.click();
  }
}
