import type { Locator, Page } from '@playwright/test';

/** The register of recordings (top bar). */
export class RecordingsRegisterPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Register of recordings' });
    this.table = page.getByRole('table');
    this.rows = this.table.locator('tbody tr');
  }

  row(reference: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('rowheader', { name: reference }) });
  }

  play(reference: string): Locator {
    return this.table.getByRole('button', { name: `Play recording ${reference}` });
  }
}
