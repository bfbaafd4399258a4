import { expect, type Locator, type Page } from '@playwright/test';
import { fillDate } from './dates';

/** The attendance summary wizard: client → period → recipient → consent → preview and export. */
export class AttendanceWizardPage {
  readonly heading: Locator;
  readonly stepHeading: Locator;
  readonly continueButton: Locator;
  readonly back: Locator;
  readonly includeName: Locator;
  readonly includeDateOfBirth: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly missing: Locator;
  readonly individualOnly: Locator;
  readonly letter: Locator;
  readonly csv: Locator;
  readonly chooseFolder: Locator;
  readonly exportButton: Locator;
  readonly refusal: Locator;
  /** The core's reason, without the button that goes back to the choice it concerns. */
  readonly refusalMessage: Locator;
  readonly done: Locator;
  readonly files: Locator;
  readonly openLog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Attendance summary' });
    this.stepHeading = page.getByRole('heading', { level: 2 }).filter({ hasText: /^Step \d of 5/ });
    this.continueButton = page.getByRole('button', { name: 'Continue', exact: true });
    this.back = page.getByRole('button', { name: 'Back', exact: true });
    this.includeName = page.getByRole('checkbox', { name: 'The client’s name' });
    this.includeDateOfBirth = page.getByRole('checkbox', { name: 'Their date of birth' });
    this.from = page.getByRole('group', { name: 'From', exact: true });
    this.to = page.getByRole('group', { name: 'To', exact: true });
    this.missing = page.locator('.missing-consents');
    this.individualOnly = this.missing.getByRole('button', { name: 'Individual sessions only' });
    this.letter = page.getByRole('article', { name: 'The letter' });
    this.csv = page.locator('.csv-preview table');
    this.chooseFolder = page.getByRole('button', { name: /^Choose (a|another) folder/ });
    this.exportButton = page.getByRole('button', { name: 'Export the letter and CSV' });
    this.refusal = page.getByRole('main').locator('.release-refusal');
    this.refusalMessage = this.refusal.locator('p');
    this.done = page.getByRole('heading', { name: 'Attendance summary exported' });
    this.files = page.getByRole('list', { name: 'Files written' }).getByRole('listitem');
    this.openLog = page.getByRole('button', { name: 'Open the disclosure log' });
  }

  async expectStep(number: number, title: string): Promise<void> {
    await expect(this.stepHeading).toHaveText(`Step ${number} of 5: ${title}`);
  }

  async choosePeriod(from: readonly [string, string, string], to: readonly [string, string, string]): Promise<void> {
    await fillDate(this.from, from);
    await fillDate(this.to, to);
    await this.continueButton.click();
  }

  radio(name: string | RegExp): Locator {
    return this.page.getByRole('radio', { name });
  }
}
