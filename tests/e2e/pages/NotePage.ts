import { expect, type Locator, type Page } from '@playwright/test';
import { fieldError } from './fieldError';

export class AmendDialog {
  readonly dialog: Locator;
  readonly text: Locator;
  readonly reason: Locator;
  readonly save: Locator;

  constructor(page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Amend this note' });
    this.text = this.dialog.getByRole('textbox', { name: 'Amended text' });
    this.reason = this.dialog.getByRole('textbox', { name: 'Reason for the amendment' });
    this.save = this.dialog.getByRole('button', { name: 'Save amendment' });
  }

  reasonError(): Locator {
    return fieldError(this.reason);
  }
}

export class ClientCommentDialog {
  readonly dialog: Locator;
  readonly comment: Locator;
  readonly record: Locator;
  /** Whose comment this is: always the client whose file the note is open in. */
  readonly commenter: Locator;

  constructor(page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Add the client’s comment' });
    this.comment = this.dialog.getByRole('textbox', { name: 'The client’s comment on accuracy' });
    this.record = this.dialog.getByRole('button', { name: 'Record comment' });
    this.commenter = this.dialog.locator('.context-line');
  }
}

/** The note screen: a draft in the editor, or a finalised note with amend, history and comments. */
export class NotePage {
  readonly heading: Locator;
  readonly backToFile: Locator;
  readonly context: Locator;
  readonly subjects: Locator;
  readonly editor: Locator;
  readonly autosaveStatus: Locator;
  readonly finaliseButton: Locator;
  readonly confirmDialog: Locator;
  readonly currentText: Locator;
  readonly signature: Locator;
  readonly amendButton: Locator;
  readonly commentButton: Locator;
  readonly historyButton: Locator;
  readonly history: Locator;
  readonly comments: Locator;
  readonly notice: Locator;
  readonly error: Locator;
  readonly amendDialog: AmendDialog;
  readonly commentDialog: ClientCommentDialog;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.backToFile = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: /file$/ });
    this.context = page.getByRole('region', { name: 'About this note' });
    this.subjects = page.getByTestId('note-subjects');
    this.editor = page.getByRole('textbox', { name: 'Note', exact: true });
    this.autosaveStatus = page.getByTestId('autosave-status');
    this.finaliseButton = page.getByRole('region', { name: 'Write the note' }).getByRole('button', { name: 'Finalise note' });
    this.confirmDialog = page.getByRole('alertdialog', { name: 'Finalise this note?' });
    this.currentText = page.getByTestId('note-current-text');
    this.signature = page.locator('.signature');
    this.amendButton = page.getByRole('button', { name: 'Amend', exact: true });
    this.commentButton = page.getByRole('button', { name: 'Add client’s comment' });
    this.historyButton = page.getByRole('button', { name: 'History', exact: true });
    this.history = page.getByRole('region', { name: 'History' });
    this.comments = page.getByRole('region', { name: 'Client’s comments on accuracy' });
    this.notice = page.getByRole('main').locator('.alert--success');
    this.error = page.getByRole('main').getByRole('alert');
    this.amendDialog = new AmendDialog(page);
    this.commentDialog = new ClientCommentDialog(page);
  }

  async expectShown(title: string): Promise<void> {
    await expect(this.heading).toHaveText(title);
    await expect(this.heading).toBeFocused();
  }

  async finalise(): Promise<void> {
    await this.finaliseButton.click();
    await expect(this.confirmDialog).toBeVisible();
    await this.confirmDialog.getByRole('button', { name: 'Finalise note' }).click();
    await expect(this.confirmDialog).toBeHidden();
    await expect(this.currentText).toBeVisible();
  }

  /** Writes a note, waits for the autosave, and finalises it. */
  async writeAndFinalise(text: string): Promise<void> {
    await this.editor.fill(text);
    await expect(this.autosaveStatus).toHaveText(/^Draft saved at/);
    await this.finalise();
  }
}
