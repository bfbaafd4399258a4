import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTENDANCE_CSV_HEADER, attendanceCsv } from '../../../electron/core/documents/attendance-csv';
import { attendanceLetterPdf } from '../../../electron/core/documents/attendance-letter-pdf';
import type { AttendanceSummary } from '../../../electron/core/documents/attendance-summary';
import { parseCsv } from '../../support/csv-parse';
import { MARKER, summaries } from '../../support/document-arbitraries';
import { CREATED_AT, shippedFonts } from '../../support/document-fixtures';
import { occurrences, pdfText } from '../../support/pdf-text';

/** Where each field belongs in the letter, written from the letter's design rather than from its code. */
function expectedInLetter(summary: AttendanceSummary, pages: number): Record<keyof typeof MARKER, number> {
  return {
    practice: 3, // letterhead, "attended … at <practice>", under the signature
    letterhead: summary.practice.letterhead ? 1 : 0,
    address1: 1,
    address2: 1,
    signatory: 1,
    role: 1,
    organisation: 2, // the address, and the consent paragraph
    person: summary.recipient.person ? 2 : 0, // the address, and "Dear …"
    client: summary.client.name ? 3 : 0, // the subject line, the confirmation, the consent paragraph
    reference: 1 + pages, // "Our reference:" beside the date, and every page's footer
  };
}

describe('what the attendance summary prints of each field', () => {
  it('the letter has each field’s marker where it belongs and nowhere else, and none in its metadata but the practice', async () => {
    await fc.assert(
      fc.asyncProperty(summaries, async (summary) => {
        const { pages, info } = await pdfText(attendanceLetterPdf(summary, { fonts: shippedFonts(), createdAt: CREATED_AT }));
        const text = pages.flat().join('\n');
        const expected = expectedInLetter(summary, pages.length);
        for (const [field, marker] of Object.entries(MARKER) as Array<[keyof typeof MARKER, string]>) {
          expect(occurrences(text, marker), `${field} in the letter`).toBe(expected[field]);
        }
        const lines = pages.flat();
        if (summary.recipient.person) expect(lines).toContain(`Dear ${summary.recipient.person},`);
        if (summary.client.name) expect(lines.find((line) => line.startsWith("Attendance summary"))).toBe(`Attendance summary: ${summary.client.name}${summary.client.dateOfBirth ? ", date of birth 3 May 1990" : ""}`);
        const metadata = JSON.stringify(info);
        for (const [field, marker] of Object.entries(MARKER)) {
          expect(metadata.includes(marker), `${field} in the PDF's metadata`).toBe(field === 'practice');
        }
      }),
      { numRuns: 25 },
    );
  });

  it('the CSV has the practice, reference and client in their own columns only, and no other field', () => {
    fc.assert(
      fc.property(summaries, (summary) => {
        const csv = attendanceCsv(summary);
        const rows = parseCsv(csv.slice(1));
        expect(rows[0]).toEqual([...ATTENDANCE_CSV_HEADER]);
        const column = (name: (typeof ATTENDANCE_CSV_HEADER)[number]) => ATTENDANCE_CSV_HEADER.indexOf(name);
        const own: Partial<Record<keyof typeof MARKER, number>> = {
          practice: column('Practice'),
          reference: column('Reference'),
          ...(summary.client.name ? { client: column('Client name') } : {}),
        };
        for (const [field, marker] of Object.entries(MARKER) as Array<[keyof typeof MARKER, string]>) {
          for (const row of rows.slice(1)) {
            row.forEach((cell, index) => expect(cell.includes(marker), `${field} in column ${index}`).toBe(own[field] === index));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
