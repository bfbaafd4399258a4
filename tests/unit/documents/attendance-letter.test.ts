import { describe, expect, it } from 'vitest';
import { attendanceLetterPdf } from '../../../electron/core/documents/attendance-letter-pdf';
import type { AttendanceSummary } from '../../../electron/core/documents/attendance-summary';
import { ConfideError } from '../../../electron/core/errors';
import { CREATED_AT, sampleSummary, shippedFonts, weekly } from '../../support/document-fixtures';
import { allText, pdfText, renderFirstPage } from '../../support/pdf-text';

const render = (summary: AttendanceSummary, createdAt = CREATED_AT) => attendanceLetterPdf(summary, { fonts: shippedFonts(), createdAt });

function refused(summary: unknown): string {
  try {
    render(summary as AttendanceSummary);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfideError);
    expect((error as ConfideError).code).toBe('invalid-input');
    return (error as ConfideError).message;
  }
  throw new Error('the letter was made');
}

describe('the attendance letter', () => {
  it('reads as a letter: letterhead, recipient, reference and date, salutation, subject, body with the dates, signature', async () => {
    const { pages, info } = await pdfText(render(sampleSummary()));
    expect(pages).toHaveLength(1);
    const lines = pages[0]!;
    const flow = lines.join(' ');
    const at = (text: string) => {
      const index = flow.indexOf(text);
      expect(index, `"${text}" in the letter`).toBeGreaterThanOrEqual(0);
      return index;
    };
    // In reading order.
    const order = [
      at('Riverside Counselling'),
      at('Counselling and psychotherapy for individuals, couples and families'),
      at('PRIVATE AND CONFIDENTIAL'),
      at('Dr Priya Shah'),
      at('Leeds Community Mental Health Team'),
      at('Dear Dr Priya Shah,'),
      at('Attendance summary: Alex Morgan, date of birth 3 May 1990'),
      at('We confirm that Alex Morgan attended 13 sessions at Riverside Counselling between 1 January 2031 and 31 March 2031.'),
      at('The sessions attended were on:'),
      at('7 January 2031'),
      at('In the same period:'),
      at('Booked sessions not attended: 2'),
      at('Sessions cancelled: 1'),
      at('We send this letter with the written consent of Alex Morgan, signed on 28 March 2031'),
      at('Yours sincerely,'),
      at('Sam Okafor'),
      at('Counsellor (MBACP Accred.)'),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The reference and date sit level with the recipient's address, on the right.
    expect(lines).toContain('Dr Priya Shah Our reference: AS-2031-0042');
    expect(lines).toContain('Leeds Community Mental Health Team 2 April 2031');
    expect(lines.at(-1)).toBe('Private and confidential · Our reference AS-2031-0042 · Page 1 of 1');

    const text = flow;
    for (const date of ['14 January 2031', '18 March 2031', '25 March 2031 (2 sessions)']) expect(text).toContain(date);
    expect(text).toContain('excludes joint work');
    expect(text).toMatch(/does not contain anything said in sessions, our notes, any assessment or diagnosis, or information about any other person/);
    expect(info).toMatchObject({ Title: 'Attendance summary', Author: 'Riverside Counselling', Creator: 'Confide' });
  });

  it('leaves out what the recipient does not need, and writes to an organisation without a named person', async () => {
    const summary = sampleSummary({
      recipient: { organisation: 'Leeds City Council' },
      client: { dateOfBirth: '1990-05-03' },
      individualSessionsOnly: false,
    });
    delete summary.didNotAttendCount;
    delete summary.cancelledCount;
    const text = allText(await pdfText(render(summary)));
    expect(text).toContain('Dear Sir or Madam,');
    expect(text).toContain('Yours faithfully,');
    expect(text).toContain('Attendance summary: our client, date of birth 3 May 1990');
    expect(text).toContain('We confirm that our client attended 13 sessions');
    expect(text).not.toContain('Alex Morgan');
    expect(text).not.toContain('In the same period');
    expect(text).not.toContain('joint work');
    expect(text).toContain('It contains only the dates and number of sessions attended.');
  });

  it('says so when no sessions were attended, and uses "on" for a one-day period', async () => {
    const text = allText(
      await pdfText(render(sampleSummary({ period: { from: '2031-03-14', to: '2031-03-14' }, attended: { dates: [], count: 0 } }))),
    );
    expect(text).toContain('We confirm that Alex Morgan attended no sessions at Riverside Counselling on 14 March 2031.');
    expect(text).not.toContain('were on:');
  });

  it('runs over several pages with page numbers when there are many dates, the signature kept whole', async () => {
    const dates = weekly('2025-01-06', 300);
    const { pages } = await pdfText(
      render(sampleSummary({ period: { from: '2025-01-01', to: '2031-03-31' }, attended: { dates, count: dates.length } })),
    );
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((lines, index) => {
      expect(lines.at(-1)).toBe(`Private and confidential · Our reference AS-2031-0042 · Page ${index + 1} of ${pages.length}`);
      if (index > 0) expect(lines[0]).toBe('Attendance summary (continued)');
    });
    const text = pages.flat().join(' ');
    expect(text).toContain('attended 300 sessions');
    expect(text).toContain('6 January 2025');
    expect(text).toContain('30 September 2030');
    const last = pages.at(-1)!;
    expect(last.some((line) => line === 'Yours sincerely,')).toBe(true);
    expect(last.some((line) => line === 'Sam Okafor')).toBe(true);
  });

  it('is reproducible: the same input and clock give the same bytes; the clock is the creation date', async () => {
    const summary = sampleSummary();
    const once = render(summary);
    expect(render(summary).equals(once)).toBe(true);
    const later = render(summary, new Date('2031-04-03T09:00:00.000Z'));
    expect(later.equals(once)).toBe(false);
    const { info } = await pdfText(later);
    expect(info.CreationDate).toBe("D:20310403090000Z");
    expect(once.toString('latin1')).not.toMatch(/\/ModDate/);
  });

  it('refuses input it must not print, naming the field but not its value', () => {
    const base = sampleSummary();
    expect(refused({ ...base, notes: 'Client discussed her divorce' })).toMatch(/cannot be made/);
    expect(refused({ ...base, client: { ...base.client, diagnosis: 'F32.1' } })).toMatch(/cannot be made/);
    expect(refused({ ...base, attended: { dates: base.attended.dates, count: 12 } })).toMatch(/does not match the dates given/);
    expect(refused({ ...base, attended: { dates: ['2030-12-31'], count: 1 } })).toMatch(/outside the period/);
    expect(refused({ ...base, consentSignedOn: '2031-04-03' })).toMatch(/consent is dated after the letter/);
    expect(refused({ ...base, period: { from: '2031-03-31', to: '2031-01-01' } })).toMatch(/ends before it starts/);
    expect(refused({ ...base, letterDate: '2031-03-30' })).toMatch(/ends after the letter’s date/);
    expect(refused({ ...base, recipient: { organisation: '  ' } })).toMatch(/recipient organisation is missing/);
    expect(refused({ ...base, client: { name: 'Alex\nMorgan' } })).toMatch(/client’s name contains a line break/);
    expect(refused({ ...base, client: { name: 'Alex \u202EnagroM' } })).toMatch(/invisible control character/);
    expect(refused({ ...base, letterDate: '2031-02-30' })).toMatch(/letter’s date must be a date/);
    const unprintable = refused({ ...base, client: { name: '王小明' } });
    expect(unprintable).toMatch(/client’s name has characters its typeface cannot print/);
    expect(unprintable).not.toContain('王');
  });

  it('renders a page to look at (test-results/documents/attendance-letter.png)', () => {
    const png = renderFirstPage(render(sampleSummary()), 'attendance-letter');
    if (png) expect(png).toMatch(/attendance-letter\.png$/);
  });
});
