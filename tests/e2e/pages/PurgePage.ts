import { expect, type Locator, type Page } from '@playwright/test';

/** The purge wizard: preview, approve with the passphrase, progress, certificate. */
export class PurgePage {
  readonly heading: Locator;
  readonly preview: Locator;
  readonly fieldGroups: Locator;
  readonly passphrase: Locator;
  readonly destroy: Locator;
  readonly progress: Locator;
  readonly saveCertificate: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = page.getByRole('heading', { level: 1, name: 'Purge records due for destruction' });
    this.preview = main.getByRole('table', { name: 'Records to destroy, by reference', exact: true });
    this.fieldGroups = main.getByRole('table', { name: 'Parts of kept records to destroy, by reference', exact: true });
    this.passphrase = main.getByLabel('Your passphrase');
    this.destroy = main.getByRole('button', { name: 'Destroy these records' });
    this.progress = main.getByRole('progressbar');
    this.saveCertificate = main.getByRole('button', { name: 'Save the certificate…' });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  references(): Locator {
    return this.preview.locator('tbody tr th');
  }
}
