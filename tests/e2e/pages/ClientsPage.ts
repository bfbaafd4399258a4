import { expect, type Locator, type Page } from '@playwright/test';

export interface ClientDetails {
  name: string;
  preferredName?: string;
  /** Day, month and year as typed, e.g. ['12', '4', '1986']. */
  dateOfBirth?: [string, string, string];
  phone?: string;
  email?: string;
}

/** The "Add a client" dialog. */
export class AddClientDialog {
  readonly dialog: Locator;
  readonly name: Locator;
  readonly preferredName: Locator;
  readonly dateOfBirth: Locator;
  readonly day: Locator;
  readonly month: Locator;
  readonly year: Locator;
  readonly phone: Locator;
  readonly email: Locator;
  readonly submit: Locator;
  readonly cancel: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Add a client' });
    this.name = this.dialog.getByRole('textbox', { name: 'Full name' });
    this.preferredName = this.dialog.getByRole('textbox', { name: 'Preferred name (optional)' });
    this.dateOfBirth = this.dialog.getByRole('group', { name: 'Date of birth (optional)' });
    this.day = this.dateOfBirth.getByRole('textbox', { name: 'Day' });
    this.month = this.dateOfBirth.getByRole('textbox', { name: 'Month' });
    this.year = this.dateOfBirth.getByRole('textbox', { name: 'Year' });
    this.phone = this.dialog.getByRole('textbox', { name: 'Phone (optional)' });
    this.email = this.dialog.getByRole('textbox', { name: 'Email (optional)' });
    this.submit = this.dialog.getByRole('button', { name: 'Add client' });
    this.cancel = this.dialog.getByRole('button', { name: 'Cancel' });
  }

  async fill(client: ClientDetails): Promise<void> {
    await this.name.fill(client.name);
    await this.preferredName.fill(client.preferredName ?? '');
    const [day, month, year] = client.dateOfBirth ?? ['', '', ''];
    await this.day.fill(day);
    await this.month.fill(month);
    await this.year.fill(year);
    await this.phone.fill(client.phone ?? '');
    await this.email.fill(client.email ?? '');
  }
}

export class ClientsPage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly statusFilter: Locator;
  readonly addButton: Locator;
  readonly resultCount: Locator;
  readonly list: Locator;
  readonly rows: Locator;
  readonly addDialog: AddClientDialog;
  readonly noteHits: Locator;
  readonly noteHitCount: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Clients' });
    this.search = page.getByRole('searchbox', { name: 'Search' });
    this.statusFilter = page.getByLabel('Show');
    this.addButton = page.getByRole('button', { name: 'Add client' });
    this.resultCount = page.locator('.result-count');
    // The list's heading reads "Clients by name or reference" while note text is searched too.
    this.list = page.getByRole('list', { name: /^(Client list|Clients by name or reference)$/ });
    const found = page.getByRole('region', { name: 'Found in notes' });
    this.noteHits = found.locator('.search-hit');
    this.noteHitCount = found.locator('.note-hit-count');
    this.rows = this.list.getByRole('listitem');
    this.addDialog = new AddClientDialog(page);
  }

  /** `timeout` for a list whose loading is part of the test's set-up (10,000 clients on a busy machine). */
  async expectShown(options: { timeout?: number } = {}): Promise<void> {
    await expect(this.heading).toBeVisible(options);
    await expect(this.heading).toBeFocused(options);
  }

  row(name: string): Locator {
    return this.rows.filter({ hasText: name });
  }

  async searchFor(query: string): Promise<void> {
    await this.search.fill(query);
  }

  async open(name: string): Promise<void> {
    await this.row(name).getByRole('button').click();
  }

  /** Adds a client through the dialog and waits for the list to confirm it. */
  async add(name: string): Promise<void> {
    await this.addButton.click();
    await expect(this.addDialog.dialog).toBeVisible();
    await this.addDialog.name.fill(name);
    await this.addDialog.submit.click();
    await expect(this.addDialog.dialog).toBeHidden();
    await expect(this.page.getByRole('status').filter({ hasText: `Added ${name}` })).toBeVisible();
  }
}
