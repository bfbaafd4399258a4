import { expect, type Locator, type Page } from '@playwright/test';

export class NewCasePage {
  readonly heading: Locator;
  readonly stepHeading: Locator;
  readonly chosen: Locator;
  readonly participantsError: Locator;
  readonly search: Locator;
  readonly matches: Locator;
  readonly openedOn: Locator;
  readonly continueButton: Locator;
  readonly openCaseButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'New case' });
    this.stepHeading = page.getByRole('heading', { level: 2 }).filter({ hasText: /^Step \d of 3/ });
    this.chosen = page.getByRole('list', { name: /^In this .* case/ });
    this.participantsError = page.locator('#participants-error');
    this.search = page.getByRole('searchbox', { name: 'Find an existing client' });
    this.matches = page.getByRole('list', { name: 'Matching clients' });
    this.openedOn = page.getByRole('group', { name: 'Date the case opened' });
    this.continueButton = page.getByRole('button', { name: 'Continue', exact: true });
    this.openCaseButton = page.getByRole('button', { name: 'Open case', exact: true });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.heading).toBeFocused();
  }

  async chooseKind(label: 'Individual' | 'Couple' | 'Family'): Promise<void> {
    await this.page.getByRole('radio', { name: new RegExp(`^${label}`) }).check();
    await this.continueButton.click();
    await expect(this.stepHeading).toHaveText('Step 2 of 3: Who is in the case');
    await expect(this.stepHeading).toBeFocused();
  }

  async add(name: string): Promise<void> {
    await this.search.fill(name);
    await this.matches.getByRole('button', { name: new RegExp(`^Add ${name}`) }).click();
    await expect(this.chosen).toContainText(name);
  }

  async setOpenedOn([day, month, year]: [string, string, string]): Promise<void> {
    await this.openedOn.getByRole('textbox', { name: 'Day' }).fill(day);
    await this.openedOn.getByRole('textbox', { name: 'Month' }).fill(month);
    await this.openedOn.getByRole('textbox', { name: 'Year' }).fill(year);
  }
}
