import { expect, type Locator, type Page } from '@playwright/test';

/** One session in the client file's timeline, found by the date shown on it (e.g. "2 November 2026"). */
export class TimelineSession {
  readonly kind: Locator;
  readonly notes: Locator;
  readonly writeNote: Locator;
  readonly correct: Locator;
  /** "Corrected once": what the session was recorded as before each correction. */
  readonly history: Locator;
  /** A director's act, absent for anyone else and once the session is marked. */
  readonly markInError: Locator;
  readonly enteredInError: Locator;

  constructor(readonly item: Locator) {
    this.kind = item.locator('.session-kind');
    this.notes = item.locator('.note');
    this.writeNote = item.getByRole('button', { name: /^(Write session note|Write another session note|Continue session note draft)/ });
    this.correct = item.getByRole('button', { name: /^Correct session/ });
    this.history = item.locator('.session-history');
    this.markInError = item.getByRole('button', { name: /^Mark as entered in error…/ });
    this.enteredInError = item.getByTestId('session-entered-in-error');
  }
}

export class ClientFilePage {
  readonly heading: Locator;
  readonly backToClients: Locator;
  readonly details: Locator;
  readonly editDetails: Locator;
  readonly equality: Locator;
  readonly cases: Locator;
  readonly newCase: Locator;
  readonly timeline: Locator;
  readonly sessions: Locator;
  readonly notes: Locator;
  readonly writeClientNote: Locator;
  readonly notice: Locator;
  readonly notesRefused: Locator;
  readonly search: Locator;
  readonly searchButton: Locator;
  readonly searchStatus: Locator;
  readonly searchHits: Locator;
  readonly retention: Locator;
  /** The client's own "Mark as entered in error…" (a director's act). */
  readonly markClientInError: Locator;
  readonly clientInError: Locator;
  /** The dialog asking for the reason, for the client or a session. */
  readonly markDialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.backToClients = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: 'All clients' });
    this.details = page.getByRole('region', { name: 'Details' });
    this.editDetails = this.details.getByRole('button', { name: 'Edit details' });
    this.equality = page.getByRole('region', { name: 'Equality monitoring' });
    this.cases = page.getByRole('region', { name: 'Cases' });
    this.newCase = this.cases.getByRole('button', { name: 'New case' });
    this.timeline = page.getByRole('region', { name: 'Sessions' });
    this.sessions = this.timeline.locator('li.session');
    this.notes = page.getByRole('region', { name: 'Client notes', exact: true });
    this.writeClientNote = this.notes.getByRole('button', { name: /^(Write client note|Continue client note draft)$/ });
    this.notice = page.getByRole('main').locator('.alert--success');
    this.notesRefused = page.getByRole('main').locator('.alert--info');
    const searchRegion = page.getByRole('region', { name: 'Search this file' });
    this.search = searchRegion.getByRole('searchbox', { name: 'Search notes in this file' });
    this.searchButton = searchRegion.getByRole('button', { name: 'Search' });
    this.searchStatus = searchRegion.locator('.file-search-status');
    this.searchHits = searchRegion.locator('.search-hit');
    this.retention = page.getByTestId('retention-panel');
    this.markClientInError = this.retention.getByRole('button', { name: 'Mark as entered in error…' });
    this.clientInError = this.retention.getByTestId('entered-in-error');
    this.markDialog = page.getByRole('alertdialog', { name: /as entered in error$/ });
  }

  /** Gives the reason in the open mark-as-entered-in-error dialog and confirms. */
  async markInError(reason: string): Promise<void> {
    await this.markDialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await this.markDialog.getByRole('button', { name: 'Mark as entered in error' }).click();
    await expect(this.markDialog).toBeHidden();
  }

  async expectShown(clientName: string): Promise<void> {
    await expect(this.heading).toContainText(clientName);
    await expect(this.heading).toBeFocused();
  }

  /** The value shown for a details row, e.g. "Date of birth". */
  detail(term: string): Locator {
    return this.details
      .locator('.detail')
      .filter({ has: this.page.locator('dt').getByText(term, { exact: true }) })
      .locator('dd');
  }

  caseItem(reference: string): Locator {
    return this.cases.locator('li.case').filter({ hasText: reference });
  }

  recordSessionIn(reference: string): Locator {
    return this.cases.getByRole('button', { name: `Record a session in case ${reference}` });
  }

  closeCase(reference: string): Locator {
    return this.cases.getByRole('button', { name: `Close case ${reference}` });
  }

  session(dateText: string): TimelineSession {
    return new TimelineSession(this.sessions.filter({ hasText: dateText }));
  }

  finalNotes(): Locator {
    return this.notes.locator('.note--final');
  }

  draftNotes(): Locator {
    return this.notes.locator('.note--draft');
  }

  async searchNotes(text: string): Promise<void> {
    await this.search.fill(text);
    await this.searchButton.click();
  }
}
