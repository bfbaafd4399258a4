import type { Locator, Page } from '@playwright/test';

export interface SessionEntry {
  date: [string, string, string];
  time: [string, string];
  duration?: string;
  modality?: 'In person' | 'Video' | 'Phone';
  attendance?: 'Attended' | 'Did not attend' | 'Cancelled by client' | 'Cancelled by practice' | 'Booked (not yet held)';
  /** Names of the clients to tick (all others are left unticked). */
  attendees: string[];
}

/** The "Record a session" dialog, or "Correct a session" for one already recorded. */
export class SessionDialog {
  readonly dialog: Locator;
  readonly date: Locator;
  readonly time: Locator;
  readonly duration: Locator;
  readonly attendance: Locator;
  readonly attendeeGroup: Locator;
  readonly submit: Locator;
  readonly failure: Locator;
  readonly reason: Locator;

  constructor(
    readonly page: Page,
    mode: 'record' | 'correct' = 'record',
  ) {
    this.dialog = page.getByRole('dialog', { name: mode === 'record' ? 'Record a session' : 'Correct a session' });
    this.date = this.dialog.getByRole('group', { name: 'Date' });
    this.time = this.dialog.getByRole('group', { name: 'Start time' });
    this.duration = this.dialog.getByRole('textbox', { name: 'Duration in minutes' });
    this.attendance = this.dialog.getByRole('combobox', { name: 'Attendance' });
    this.attendeeGroup = this.dialog.getByRole('group', { name: 'Who the session was with' });
    this.submit = this.dialog.getByRole('button', { name: mode === 'record' ? 'Record session' : 'Save correction' });
    this.reason = this.dialog.getByRole('textbox', { name: 'Reason for the correction (optional)' });
    this.failure = this.dialog.getByRole('alert');
  }

  attendee(name: string): Locator {
    return this.attendeeGroup.getByRole('checkbox', { name: new RegExp(`^${name}`) });
  }

  async fill(entry: SessionEntry): Promise<void> {
    const [day, month, year] = entry.date;
    await this.date.getByRole('textbox', { name: 'Day' }).fill(day);
    await this.date.getByRole('textbox', { name: 'Month' }).fill(month);
    await this.date.getByRole('textbox', { name: 'Year' }).fill(year);
    await this.time.getByRole('textbox', { name: 'Hour' }).fill(entry.time[0]);
    await this.time.getByRole('textbox', { name: 'Minutes' }).fill(entry.time[1]);
    await this.duration.fill(entry.duration ?? '50');
    await this.dialog.getByRole('radio', { name: entry.modality ?? 'In person' }).check();
    await this.attendance.selectOption({ label: entry.attendance ?? 'Attended' });
    const boxes = this.attendeeGroup.getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i += 1) await boxes.nth(i).uncheck();
    for (const name of entry.attendees) await this.attendee(name).check();
  }
}
