import type { Locator, Page } from '@playwright/test';

export interface ConsentEntry {
  scope: 'case' | 'sessions';
  /** Dates as shown on the session checkboxes, e.g. "Monday 2 November 2026 at 10:00", when scope is 'sessions'. */
  sessions?: string[];
  uses: Array<'Clinical supervision' | 'Training' | 'Research' | 'Other'>;
  otherUse?: string;
  viewers: string;
  signed: [string, string, string];
  destroyBy: [string, string, string];
  expires?: [string, string, string];
}

async function fillDate(group: Locator, [day, month, year]: [string, string, string]): Promise<void> {
  await group.getByRole('textbox', { name: 'Day' }).fill(day);
  await group.getByRole('textbox', { name: 'Month' }).fill(month);
  await group.getByRole('textbox', { name: 'Year' }).fill(year);
}

/** The "Record a consent to recording" dialog. */
export class RecordingConsentDialog {
  readonly dialog: Locator;
  readonly uses: Locator;
  readonly viewers: Locator;
  readonly signed: Locator;
  readonly destroyBy: Locator;
  readonly expires: Locator;
  readonly chooseScan: Locator;
  readonly submit: Locator;
  readonly failure: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Record a consent to recording' });
    this.uses = this.dialog.getByRole('group', { name: 'Uses the client permits' });
    this.viewers = this.dialog.getByRole('textbox', { name: 'Who may view the recording' });
    this.signed = this.dialog.getByRole('group', { name: 'Date signed' });
    this.destroyBy = this.dialog.getByRole('group', { name: 'Destruction date' });
    this.expires = this.dialog.getByRole('group', { name: 'Expiry date (optional)' });
    this.chooseScan = this.dialog.getByRole('button', { name: /^Choose (scan of the signed form|another file)/ });
    this.submit = this.dialog.getByRole('button', { name: 'Record consent' });
    this.failure = this.dialog.getByRole('alert');
  }

  async fill(entry: ConsentEntry): Promise<void> {
    await this.dialog.getByRole('radio', { name: entry.scope === 'case' ? /^Every session of case/ : /^Only the sessions ticked/ }).check();
    for (const session of entry.sessions ?? []) await this.dialog.getByRole('group', { name: 'Sessions covered' }).getByRole('checkbox', { name: session }).check();
    for (const use of entry.uses) await this.uses.getByRole('checkbox', { name: use }).check();
    if (entry.otherUse !== undefined) await this.dialog.getByRole('textbox', { name: 'The other use' }).fill(entry.otherUse);
    await this.viewers.fill(entry.viewers);
    await fillDate(this.signed, entry.signed);
    await fillDate(this.destroyBy, entry.destroyBy);
    await fillDate(this.expires, entry.expires ?? ['', '', '']);
  }
}

/** The "Attach a recording" dialog. */
export class AttachRecordingDialog {
  readonly dialog: Locator;
  readonly session: Locator;
  readonly uses: Locator;
  readonly chooseFile: Locator;
  readonly chosen: Locator;
  readonly submit: Locator;
  readonly failure: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Attach a recording' });
    this.session = this.dialog.getByRole('combobox', { name: 'Session' });
    this.uses = this.dialog.getByRole('group', { name: 'What the recording is for' });
    this.chooseFile = this.dialog.getByRole('button', { name: /^Choose (recording file|another file)/ });
    this.chosen = this.dialog.getByRole('group', { name: 'Recording file' });
    this.submit = this.dialog.getByRole('button', { name: 'Attach recording' });
    this.failure = this.dialog.getByRole('alert');
  }

  /** The error shown with the file chooser. */
  get fileError(): Locator {
    return this.chosen.locator('.field-error');
  }
}

/** The withdrawal dialog for one consent. */
export class WithdrawConsentDialog {
  readonly dialog: Locator;
  readonly date: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page, reference: string) {
    this.dialog = page.getByRole('alertdialog', { name: `Withdraw consent ${reference}?` });
    this.date = this.dialog.getByRole('group', { name: 'Date of withdrawal' });
    this.submit = this.dialog.getByRole('button', { name: /^Record withdrawal/ });
  }

  async withdrawOn(date: [string, string, string]): Promise<void> {
    await fillDate(this.date, date);
    await this.submit.click();
  }
}

/** The client file's "Recording consents" and "Recordings" panels. */
export class RecordingsSection {
  readonly consents: Locator;
  readonly recordConsent: Locator;
  readonly recordings: Locator;
  readonly attach: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.consents = page.getByRole('region', { name: 'Recording consents' });
    this.recordConsent = this.consents.getByRole('button', { name: 'Record a consent' });
    this.recordings = page.getByRole('region', { name: 'Recordings' });
    this.attach = this.recordings.getByRole('button', { name: 'Attach a recording' });
    this.notice = page.getByRole('main').locator('.alert--success');
  }

  consent(reference: string): Locator {
    return this.consents.locator('li.record-item').filter({ hasText: `Consent ${reference}` });
  }

  withdraw(reference: string): Locator {
    return this.consents.getByRole('button', { name: `Withdraw consent ${reference}` });
  }

  recording(reference: string): Locator {
    return this.recordings.locator('li.record-item').filter({ hasText: `Recording ${reference}` });
  }

  play(reference: string): Locator {
    return this.recordings.getByRole('button', { name: `Play recording ${reference}` });
  }
}
