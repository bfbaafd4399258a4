import { attendanceLetterContent, type AttendanceLetterContent } from './attendance-letter-content';
import { checkedAttendanceSummary, type AttendanceSummary } from './attendance-summary';
import { assertPrintable } from './document-input';
import { missingGlyphs } from './glyphs';
import { finishPdf, keepTogether, startPdf, STYLE, textWidth, type DocumentRenderOptions, type Pdf } from './pdf-document';
import { drawLetterhead } from './pdf-letterhead';

const PARAGRAPH_GAP = 9;
const DATE_COLUMNS = 3;

/** The attendance summary as a letter on the practice's letterhead. Deterministic for a given input. */
export function attendanceLetterPdf(input: AttendanceSummary, options: DocumentRenderOptions): Buffer {
  const summary = checkedAttendanceSummary(input);
  assertPrintable(
    [
      ['the practice name', summary.practice.name],
      ['the letterhead text', summary.practice.letterhead],
      ['the practice address', summary.practice.addressLines.join(' ')],
      ['the signatory’s name', summary.signatory.name],
      ['the signatory’s role', summary.signatory.role],
      ['the recipient organisation', summary.recipient.organisation],
      ['the recipient’s name', summary.recipient.person],
      ['the client’s name', summary.client.name],
      ['the reference', summary.reference],
    ],
    (text) => missingGlyphs(options.fonts.regular, text),
    'attendance letter',
  );
  const content = attendanceLetterContent(summary);
  // The PDF's own title says what it is, never whom it is about.
  const doc = startPdf({ ...options, title: 'Attendance summary', author: summary.practice.name });
  drawLetterhead(doc, content.letterhead);
  doc.on('pageAdded', () => continuationHeading(doc));
  addressAndDate(doc, content);
  body(doc, content);
  return finishPdf(doc, content.footer);
}

/** Pages after the first say what they continue; the footer carries the reference and page number. */
function continuationHeading(doc: Pdf): void {
  const { left, top } = doc.page.margins;
  doc.font('regular').fontSize(STYLE.small).fillColor(STYLE.muted).text('Attendance summary (continued)', left, top, { width: textWidth(doc) });
  doc.y += 10;
  // Everything that can run onto a new page is set in the body style.
  doc.font('regular').fontSize(STYLE.body).fillColor(STYLE.ink);
}

function addressAndDate(doc: Pdf, content: AttendanceLetterContent): void {
  const { left } = doc.page.margins;
  const width = textWidth(doc);
  doc.font('semibold').fontSize(STYLE.small).fillColor(STYLE.accent).text(content.marking.toUpperCase(), left, doc.y, { characterSpacing: 0.6 });
  doc.moveDown(0.5);
  doc.font('regular').fontSize(STYLE.body).fillColor(STYLE.ink);
  const addressTop = doc.y;
  doc.text(content.recipientLines.join('\n'), left, addressTop, { width: width * 0.6 });
  const addressBottom = doc.y;

  // Reference and date sit on the right, level with the recipient's address, as in a UK business letter.
  doc.font('regular').fontSize(STYLE.body).fillColor(STYLE.ink);
  doc.text(`${content.reference}\n${content.date}`, left + width * 0.6, addressTop, { width: width * 0.4, align: 'right' });
  doc.x = left;
  doc.y = Math.max(addressBottom, doc.y) + 22;
}

function paragraph(doc: Pdf, text: string, font: 'regular' | 'semibold' = 'regular'): void {
  doc.font(font).fontSize(STYLE.body).fillColor(STYLE.ink).text(text, doc.page.margins.left, doc.y, { width: textWidth(doc), align: 'left' });
  doc.y += PARAGRAPH_GAP;
}

function body(doc: Pdf, content: AttendanceLetterContent): void {
  paragraph(doc, content.salutation);
  paragraph(doc, content.subject, 'semibold');
  for (const text of content.opening) paragraph(doc, text);

  if (content.datesHeading) {
    keepTogether(doc, 3 * rowHeight(doc));
    paragraph(doc, content.datesHeading);
    dateGrid(doc, content.dates);
  }
  if (content.otherCountsHeading) {
    keepTogether(doc, (content.otherCounts.length + 2) * rowHeight(doc));
    paragraph(doc, content.otherCountsHeading);
    indentedLines(doc, content.otherCounts);
  }
  for (const text of content.closingParagraphs) paragraph(doc, text);

  signatureBlock(doc, content);
}

/** The valediction, room to sign, and the signatory, kept together on one page. */
function signatureBlock(doc: Pdf, content: AttendanceLetterContent): void {
  const { left } = doc.page.margins;
  const width = textWidth(doc);
  const signingSpace = 32;
  const signatory = `${content.signature.role}\n${content.signature.practiceName}`;
  doc.font('regular').fontSize(STYLE.body);
  const height =
    doc.heightOfString(content.valediction, { width }) +
    signingSpace +
    doc.font('semibold').heightOfString(content.signature.name, { width }) +
    doc.font('regular').heightOfString(signatory, { width });
  keepTogether(doc, height);
  doc.font('regular').fillColor(STYLE.ink).text(content.valediction, left, doc.y, { width });
  doc.y += signingSpace;
  doc.font('semibold').text(content.signature.name, left, doc.y, { width });
  doc.font('regular').text(signatory, left, doc.y, { width });
}

const rowHeight = (doc: Pdf) => doc.font('regular').fontSize(STYLE.body).currentLineHeight(true) + STYLE.lineGap + 1;

function dateGrid(doc: Pdf, dates: readonly string[]): void {
  const indent = 18;
  const left = doc.page.margins.left + indent;
  const columnWidth = (textWidth(doc) - indent) / DATE_COLUMNS;
  doc.font('regular').fontSize(STYLE.body).fillColor(STYLE.ink);
  for (let row = 0; row * DATE_COLUMNS < dates.length; row++) {
    keepTogether(doc, rowHeight(doc));
    const y = doc.y;
    dates.slice(row * DATE_COLUMNS, (row + 1) * DATE_COLUMNS).forEach((date, column) => {
      doc.text(date, left + column * columnWidth, y, { width: columnWidth - 8, lineBreak: false });
    });
    doc.y = y + rowHeight(doc);
  }
  doc.x = doc.page.margins.left;
  doc.y += PARAGRAPH_GAP;
}

function indentedLines(doc: Pdf, lines: readonly string[]): void {
  const indent = 18;
  for (const text of lines) {
    keepTogether(doc, rowHeight(doc));
    doc.font('regular').fontSize(STYLE.body).fillColor(STYLE.ink).text(text, doc.page.margins.left + indent, doc.y, { width: textWidth(doc) - indent });
  }
  doc.x = doc.page.margins.left;
  doc.y += PARAGRAPH_GAP;
}
