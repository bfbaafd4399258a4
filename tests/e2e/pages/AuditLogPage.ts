import { expect, type Locator, type Page } from '@playwright/test';

export class AuditLogPage {
  readonly heading: Locator;
  readonly checkChain: Locator;
  readonly chainResult: Locator;
  readonly who: Locator;
  readonly what: Locator;
  readonly clientReference: Locator;
  readonly show: Locator;
  readonly count: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Audit log' });
    this.checkChain = page.getByRole('button', { name: 'Check the audit trail' });
    this.chainResult = page.getByRole('region', { name: 'Check the audit trail' }).locator('.alert');
    this.who = page.getByLabel('Who');
    this.what = page.getByLabel('What');
    this.clientReference = page.getByRole('textbox', { name: 'Client reference' });
    this.show = page.getByRole('button', { name: 'Show entries' });
    this.count = page.getByRole('main').getByRole('status');
    this.rows = page.getByRole('table', { name: 'Audit log entries, newest first' }).getByRole('row');
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.heading).toBeFocused();
  }

  /** The action column of each entry shown, newest first (with "Refused" after an attempt). */
  actions(): Promise<string[]> {
    return this.rows.locator('th[scope="row"]').allTextContents();
  }
}
