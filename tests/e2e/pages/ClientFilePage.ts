import { expect, type Locator, type Page } from '@playwright/test';

export class ClientFilePage {
  readonly heading: Locator;
  readonly backToClients: Locator;
  readonly details: Locator;
  readonly notes: Locator;
  readonly editor: Locator;
  readonly autosaveStatus: Locator;
  readonly finaliseButton: Locator;
  readonly confirmDialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.backToClients = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: 'All clients' });
    this.details = page.getByRole('region', { name: 'Details' });
    this.notes = page.getByRole('region', { name: 'Notes', exact: true });
    this.editor = page.getByRole('textbox', { name: 'Note', exact: true });
    this.autosaveStatus = page.getByTestId('autosave-status');
    this.finaliseButton = page.getByRole('region', { name: 'Write a note' }).getByRole('button', { name: 'Finalise note' });
    this.confirmDialog = page.getByRole('alertdialog', { name: 'Finalise this note?' });
  }

  async expectShown(clientName: string): Promise<void> {
    await expect(this.heading).toContainText(clientName);
    await expect(this.heading).toBeFocused();
  }

  /** The value shown for a details row, e.g. "Date of birth". */
  detail(term: string): Locator {
    return this.details.locator('.detail').filter({ has: this.page.locator('dt', { hasText: term }) }).locator('dd');
  }

  finalNotes(): Locator {
    return this.notes.locator('.note--final');
  }

  draftNotes(): Locator {
    return this.notes.locator('.note--draft');
  }

  async finalise(): Promise<void> {
    await this.finaliseButton.click();
    await expect(this.confirmDialog).toBeVisible();
    await this.confirmDialog.getByRole('button', { name: 'Finalise note' }).click();
    await expect(this.confirmDialog).toBeHidden();
  }
}
