import { expect, type Locator, type Page } from '@playwright/test';

/** The retention dashboard: due now, due in the next 90 days, on hold, sessions entered in error. */
export class RetentionPage {
  readonly heading: Locator;
  readonly dueNow: Locator;
  readonly dueSoon: Locator;
  readonly onHold: Locator;
  readonly sessionsInError: Locator;
  readonly purge: Locator;
  readonly showNames: Locator;
  readonly hideNames: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.heading = page.getByRole('heading', { level: 1, name: 'Retention' });
    this.dueNow = main.locator('[data-section="due-now"]');
    this.dueSoon = main.locator('[data-section="due-soon"]');
    this.onHold = main.locator('[data-section="on-hold"]');
    this.sessionsInError = main.locator('[data-section="sessions-in-error"]');
    this.purge = main.getByRole('button', { name: 'Purge…' });
    this.showNames = main.getByRole('button', { name: 'Show names' });
    this.hideNames = main.getByRole('button', { name: 'Hide names' });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  /** The reference codes listed in a section, in order. */
  references(section: Locator): Locator {
    return section.locator('tbody tr th');
  }

  row(section: Locator, reference: string): Locator {
    return section.locator(`tr[data-reference="${reference}"]`);
  }
}
