import type { Locator, Page } from '@playwright/test';
import { fillDate } from './dates';

type Date3 = readonly [string, string, string];

export interface ConsentEntry {
  organisation: string;
  person?: string;
  purpose: string;
  releases?: 'Attendance only' | 'Attendance, and the numbers';
  from: Date3;
  to: Date3;
  signed: Date3;
  expires: Date3;
}

/** "Record a consent to release information", opened from the client file. */
export class ReleaseConsentDialog {
  readonly dialog: Locator;
  readonly organisation: Locator;
  readonly person: Locator;
  readonly purpose: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly signed: Locator;
  readonly expires: Locator;
  readonly scan: Locator;
  readonly chooseScan: Locator;
  readonly scanName: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Record a consent to release information' });
    this.organisation = this.dialog.getByRole('textbox', { name: 'Organisation', exact: true });
    this.person = this.dialog.getByRole('textbox', { name: 'Person at the organisation (optional)' });
    this.purpose = this.dialog.getByRole('textbox', { name: 'Purpose' });
    this.from = this.dialog.getByRole('group', { name: 'Period covered: from' });
    this.to = this.dialog.getByRole('group', { name: 'Period covered: to' });
    this.signed = this.dialog.getByRole('group', { name: 'Date signed' });
    this.expires = this.dialog.getByRole('group', { name: 'Expiry date' });
    this.scan = this.dialog.getByRole('group', { name: 'Scan of the signed form (optional)' });
    this.chooseScan = this.scan.getByRole('button', { name: /^Choose/ });
    this.scanName = this.dialog.getByTestId('scan-name');
    this.submit = this.dialog.getByRole('button', { name: 'Record consent' });
  }

  async fill(entry: ConsentEntry): Promise<void> {
    await this.organisation.fill(entry.organisation);
    await this.person.fill(entry.person ?? '');
    await this.purpose.fill(entry.purpose);
    await this.dialog.getByRole('radio', { name: new RegExp(`^${entry.releases ?? 'Attendance only'}`) }).check();
    await fillDate(this.from, entry.from);
    await fillDate(this.to, entry.to);
    await fillDate(this.signed, entry.signed);
    await fillDate(this.expires, entry.expires);
  }

  /** The error shown with a date group, by its legend. */
  dateError(group: Locator): Locator {
    return group.locator('.field-error');
  }
}

/** The client file's "Consents to release information" panel. */
export class ReleaseConsentsPanel {
  readonly panel: Locator;
  readonly record: Locator;
  readonly consents: Locator;
  readonly notice: Locator;
  readonly makeSummary: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Consents to release information' });
    this.record = this.panel.getByRole('button', { name: 'Record a consent' });
    this.consents = this.panel.locator('li.release-consent');
    this.notice = this.panel.locator('.alert--success');
    this.makeSummary = this.panel.getByRole('button', { name: 'Make an attendance summary' });
  }

  consent(organisation: string): Locator {
    return this.consents.filter({ hasText: organisation });
  }

  withdraw(organisation: string): Locator {
    return this.consent(organisation).getByRole('button', { name: /^Record withdrawal/ });
  }
}
