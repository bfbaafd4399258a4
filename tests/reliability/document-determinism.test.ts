import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attendanceLetterPdf } from '../../electron/core/documents/attendance-letter-pdf';
import type { AttendanceSummary } from '../../electron/core/documents/attendance-summary';
import type { DocumentFonts } from '../../electron/core/documents/fonts';
import { summaries } from '../support/document-arbitraries';
import { CREATED_AT, shippedFonts } from '../support/document-fixtures';
import { iterations } from './iterations';

const render = (summary: AttendanceSummary, fonts: DocumentFonts) => attendanceLetterPdf(summary, { fonts, createdAt: CREATED_AT });

/** The same font files as new buffers: nothing anywhere has drawn with these yet. */
const unusedCopies = (fonts: DocumentFonts): DocumentFonts => ({
  regular: Buffer.from(fonts.regular),
  semibold: Buffer.from(fonts.semibold),
});

describe('a document depends on its own input only', () => {
  // Hazard: with one parsed font shared by every document, fontkit's glyph cache kept the characters a
  // glyph was first drawn for, and pdfkit maps glyphs back to text from it. So the text a reader copies
  // out of a letter (and its bytes) depended on which documents the process had made before: a full
  // stop went missing from a client's name in the extracted text.
  it('a letter made after others is byte for byte the letter made first', () => {
    const fonts = shippedFonts();
    fc.assert(
      fc.property(fc.array(summaries, { minLength: 1, maxLength: 3 }), summaries, (others, letter) => {
        for (const other of others) render(other, fonts);
        expect(render(letter, fonts).equals(render(letter, unusedCopies(fonts)))).toBe(true);
      }),
      { numRuns: iterations(6, 200) },
    );
    // The long form's 200 letters took over a minute on a loaded 2-core machine.
  }, iterations(60_000, 1_800_000));
});
