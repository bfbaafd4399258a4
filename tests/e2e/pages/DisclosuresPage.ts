import { expect, type Locator, type Page } from '@playwright/test';

/** The disclosure log (top bar: Disclosures). */
export class DisclosuresPage {
  readonly heading: Locator;
  readonly entries: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Disclosure log' });
    this.entries = page.locator('li.disclosure');
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.heading).toBeFocused();
  }

  entry(reference: string): Locator {
    return this.entries.filter({ has: this.page.getByRole('heading', { name: new RegExp(`^${reference} `) }) });
  }

  /** The SHA-256 shown for a file of an entry. */
  digest(reference: string, fileName: string): Locator {
    return this.entry(reference).locator('.exported-files li').filter({ hasText: fileName }).locator('.digest code');
  }
}
