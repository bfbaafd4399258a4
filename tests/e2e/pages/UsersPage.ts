import { expect, type Locator, type Page } from '@playwright/test';

export class UsersPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly addButton: Locator;
  readonly dialog: Locator;
  readonly name: Locator;
  readonly passphrase: Locator;
  readonly confirm: Locator;
  readonly strength: Locator;
  readonly submit: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Users' });
    this.table = page.getByRole('table', { name: 'People who can unlock this vault' });
    this.addButton = page.getByRole('button', { name: 'Add user' });
    this.dialog = page.getByRole('dialog', { name: 'Add a user' });
    this.name = this.dialog.getByRole('textbox', { name: 'Name' });
    this.passphrase = this.dialog.getByLabel('Initial passphrase', { exact: true });
    this.confirm = this.dialog.getByLabel('Confirm initial passphrase');
    this.strength = this.dialog.getByTestId('strength');
    this.submit = this.dialog.getByRole('button', { name: 'Add user' });
    this.notice = page.getByRole('main').locator('.alert--success');
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.heading).toBeFocused();
  }

  role(label: 'Therapist' | 'Practice director'): Locator {
    return this.dialog.getByRole('checkbox', { name: label });
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ hasText: name });
  }
}
