import { assertPrintable } from './document-input';
import { fieldGroupLabels } from '../../../shared/purge';
import {
  checkedDestructionCertificate,
  destructionTotals,
  type DestroyedFieldGroup,
  type DestroyedRecord,
  type DestructionCertificate,
} from './destruction-certificate';
import { missingGlyphs } from './glyphs';
import { countOf, groupDigits, longDate } from './long-date';
import { finishPdf, keepTogether, pageBottom, rule, startPdf, STYLE, textWidth, type DocumentRenderOptions, type Pdf } from './pdf-document';
import { drawLetterhead } from './pdf-letterhead';

const TITLE = 'Certificate of destruction';
const SCHEDULE = 'Schedule of records destroyed';
const PARTS_SCHEDULE = 'Parts of records destroyed (the records themselves are kept)';
const PARTS_HEADINGS = ['Reference', 'Part destroyed', 'Fields'];
const COUNT_COLUMNS = ['records', 'sessions', 'notes', 'recordings'] as const;
const COLUMN_HEADINGS = ['Reference', 'Records', 'Sessions', 'Notes', 'Recordings'];
const ROW_HEIGHT = 16;

export const REGISTER_STATEMENT =
  'The destruction register records this run by reference code, dates and counts only. It identifies no one: ' +
  'it holds no names, dates of birth, contact details or record content, and neither does this certificate.';

/** The certificate a purge produces: one page of attestation, then the schedule of what was destroyed. */
export function destructionCertificatePdf(input: DestructionCertificate, options: DocumentRenderOptions): Buffer {
  const certificate = checkedDestructionCertificate(input);
  assertPrintable(
    [
      ['the practice name', certificate.practice.name],
      ['the practice address', certificate.practice.addressLines.join(' ')],
      ['the name of who authorised it', certificate.authorisedBy.name],
      ['their role', certificate.authorisedBy.role],
      ['the run id', certificate.runId],
      ['a reference code', [...certificate.destroyed, ...(certificate.fieldGroups ?? [])].map((entry) => entry.reference).join(' ')],
      ['a retention rule', certificate.rulesApplied.join(' ')],
    ],
    (text) => missingGlyphs(options.fonts.regular, text),
    'destruction certificate',
  );
  const doc = startPdf({ ...options, title: TITLE, author: certificate.practice.name });
  drawLetterhead(doc, { practiceName: certificate.practice.name, addressLines: certificate.practice.addressLines });
  attestation(doc, certificate);
  schedule(doc, certificate.destroyed);
  partsSchedule(doc, certificate.fieldGroups ?? []);
  return finishPdf(doc, (page, pages) => `${TITLE}  ·  Run ${certificate.runId}  ·  Page ${page} of ${pages}`);
}

function heading(doc: Pdf, text: string, size = 13): void {
  keepTogether(doc, 3 * ROW_HEIGHT);
  doc.font('semibold').fontSize(size).fillColor(STYLE.accent).text(text, doc.page.margins.left, doc.y, { width: textWidth(doc) });
  doc.y += 6;
}

function summaryOfTotals(destroyed: readonly DestroyedRecord[]): string {
  if (destroyed.length === 0) return 'Nothing was destroyed in this run.';
  const totals = destructionTotals(destroyed);
  return (
    `${countOf(destroyed.length, 'reference code')}: ${countOf(totals.records, 'record')}, ${countOf(totals.sessions, 'session')}, ` +
    `${countOf(totals.notes, 'note')} and ${countOf(totals.recordings, 'recording')}.`
  );
}

function summaryOfParts(parts: readonly DestroyedFieldGroup[]): string {
  const of = (what: DestroyedFieldGroup['what']) => parts.filter((part) => part.what === what).length;
  return (
    `${countOf(of('referrer'), 'referrer’s contact details', 'referrers’ contact details')} and ` +
    `${countOf(of('equality-monitoring'), 'set of equality-monitoring answers', 'sets of equality-monitoring answers')}, from records that are kept.`
  );
}

function attestation(doc: Pdf, certificate: DestructionCertificate): void {
  const { left } = doc.page.margins;
  const width = textWidth(doc);
  doc.font('semibold').fontSize(22).fillColor(STYLE.ink).text(TITLE, left, doc.y, { width });
  doc.font('regular').fontSize(STYLE.body).fillColor(STYLE.muted).text('Client records destroyed under the practice’s retention policy', { width });
  doc.y += 16;

  const details: Array<[string, string]> = [
    ['Run', certificate.runId],
    ['Date', longDate(certificate.date)],
    ['Authorised by', `${certificate.authorisedBy.name}, ${certificate.authorisedBy.role}`],
    ['Destroyed', summaryOfTotals(certificate.destroyed)],
    ...((certificate.fieldGroups ?? []).length > 0 ? [['Parts destroyed', summaryOfParts(certificate.fieldGroups ?? [])] as [string, string]] : []),
  ];
  const labelWidth = 96;
  for (const [label, value] of details) {
    const y = doc.y;
    doc.font('semibold').fontSize(STYLE.body).fillColor(STYLE.muted).text(label, left, y, { width: labelWidth });
    doc.font('regular').fillColor(STYLE.ink).text(value, left + labelWidth, y, { width: width - labelWidth });
    doc.y += 5;
  }
  doc.y += 10;

  heading(doc, 'Statement');
  const destroyedOn = longDate(certificate.date);
  paragraph(
    doc,
    `The records listed in the schedule below were destroyed permanently on ${destroyedOn}, with the approval of ` +
      `${certificate.authorisedBy.name}, and cannot be recovered from the practice’s vault.`,
  );
  if ((certificate.fieldGroups ?? []).length > 0) {
    paragraph(
      doc,
      'The parts of records listed in the second schedule (referrers’ contact details, equality-monitoring answers) were destroyed ' +
        'the same day under the rules for them; the rest of each of those records is kept.',
    );
  }
  paragraph(doc, REGISTER_STATEMENT);

  heading(doc, 'Retention rules applied');
  for (const text of certificate.rulesApplied) bullet(doc, text);
  doc.y += 8;

  signatureLines(doc);
}

function paragraph(doc: Pdf, text: string): void {
  doc.font('regular').fontSize(STYLE.body).fillColor(STYLE.ink).text(text, doc.page.margins.left, doc.y, { width: textWidth(doc) });
  doc.y += 8;
}

function bullet(doc: Pdf, text: string): void {
  const { left } = doc.page.margins;
  const indent = 14;
  doc.font('regular').fontSize(STYLE.body);
  keepTogether(doc, doc.heightOfString(text, { width: textWidth(doc) - indent }));
  const y = doc.y;
  doc.fillColor(STYLE.accent).text('•', left + 2, y, { lineBreak: false });
  doc.fillColor(STYLE.ink).text(text, left + indent, y, { width: textWidth(doc) - indent });
  doc.y += 3;
}

/** Room for the director to sign a printed copy. */
function signatureLines(doc: Pdf): void {
  keepTogether(doc, 70);
  const { left } = doc.page.margins;
  const y = doc.y + 34;
  const lineWidth = 190;
  const gap = textWidth(doc) - 2 * lineWidth;
  for (const [index, label] of ['Signed', 'Date'].entries()) {
    const x = left + index * (lineWidth + gap);
    doc.save().moveTo(x, y).lineTo(x + lineWidth, y).lineWidth(0.6).strokeColor(STYLE.muted).stroke().restore();
    doc.font('regular').fontSize(STYLE.small).fillColor(STYLE.muted).text(label, x, y + 4, { width: lineWidth });
  }
  doc.x = left;
  doc.y = y + 28;
}

/** The schedule: one row per reference, its header repeated at the top of every page, then the totals. */
function schedule(doc: Pdf, destroyed: readonly DestroyedRecord[]): void {
  keepTogether(doc, 6 * ROW_HEIGHT);
  heading(doc, SCHEDULE);
  if (destroyed.length === 0) {
    paragraph(doc, 'Nothing was destroyed in this run.');
    return;
  }
  tableRow(doc, COLUMN_HEADINGS, 'heading');
  const roomForRow = () => {
    if (doc.y + ROW_HEIGHT <= pageBottom(doc)) return;
    doc.addPage();
    doc.font('regular').fontSize(STYLE.small).fillColor(STYLE.muted).text(`${SCHEDULE} (continued)`, doc.page.margins.left, doc.y);
    doc.y += 6;
    tableRow(doc, COLUMN_HEADINGS, 'heading');
  };
  destroyed.forEach((entry, index) => {
    roomForRow();
    tableRow(doc, [entry.reference, ...COUNT_COLUMNS.map((key) => groupDigits(entry[key]))], index % 2 === 1 ? 'shaded' : 'plain');
  });
  roomForRow();
  const totals = destructionTotals(destroyed);
  tableRow(doc, [`Total (${groupDigits(destroyed.length)})`, ...COUNT_COLUMNS.map((key) => groupDigits(totals[key]))], 'total');
}

function tableRow(doc: Pdf, cells: readonly string[], kind: 'heading' | 'plain' | 'shaded' | 'total'): void {
  const { left } = doc.page.margins;
  const width = textWidth(doc);
  const firstWidth = width - 4 * 90;
  const y = doc.y;
  if (kind === 'shaded') doc.save().rect(left, y, width, ROW_HEIGHT).fill('#f2f5f6').restore();
  if (kind === 'total') rule(doc, y);
  doc.font(kind === 'heading' || kind === 'total' ? 'semibold' : 'regular').fontSize(STYLE.body - 1).fillColor(kind === 'heading' ? STYLE.muted : STYLE.ink);
  cells.forEach((cell, column) => {
    const x = column === 0 ? left + 6 : left + firstWidth + (column - 1) * 90;
    const cellWidth = column === 0 ? firstWidth - 12 : 84;
    doc.text(cell, x, y + 3.5, { width: cellWidth, align: column === 0 ? 'left' : 'right', lineBreak: false });
  });
  if (kind === 'heading') rule(doc, y + ROW_HEIGHT);
  doc.x = left;
  doc.y = y + ROW_HEIGHT;
}

/** Field groups destroyed from records that stay: one row per reference and part, its header repeated on each page. */
function partsSchedule(doc: Pdf, parts: readonly DestroyedFieldGroup[]): void {
  if (parts.length === 0) return;
  doc.y += 12;
  keepTogether(doc, 6 * ROW_HEIGHT);
  heading(doc, PARTS_SCHEDULE);
  partRow(doc, PARTS_HEADINGS, 'heading');
  const roomForRow = () => {
    if (doc.y + ROW_HEIGHT <= pageBottom(doc)) return;
    doc.addPage();
    doc.font('regular').fontSize(STYLE.small).fillColor(STYLE.muted).text(`${PARTS_SCHEDULE} (continued)`, doc.page.margins.left, doc.y);
    doc.y += 6;
    partRow(doc, PARTS_HEADINGS, 'heading');
  };
  parts.forEach((part, index) => {
    roomForRow();
    partRow(doc, [part.reference, fieldGroupLabels[part.what], groupDigits(part.fields)], index % 2 === 1 ? 'shaded' : 'plain');
  });
  roomForRow();
  partRow(doc, [`Total (${groupDigits(parts.length)})`, '', groupDigits(parts.reduce((total, part) => total + part.fields, 0))], 'total');
}

function partRow(doc: Pdf, cells: readonly string[], kind: 'heading' | 'plain' | 'shaded' | 'total'): void {
  const { left } = doc.page.margins;
  const width = textWidth(doc);
  const columns = [
    { x: left + 6, width: 130, align: 'left' as const },
    { x: left + 140, width: width - 140 - 96, align: 'left' as const },
    { x: left + width - 90, width: 84, align: 'right' as const },
  ];
  const y = doc.y;
  if (kind === 'shaded') doc.save().rect(left, y, width, ROW_HEIGHT).fill('#f2f5f6').restore();
  if (kind === 'total') rule(doc, y);
  doc.font(kind === 'heading' || kind === 'total' ? 'semibold' : 'regular').fontSize(STYLE.body - 1).fillColor(kind === 'heading' ? STYLE.muted : STYLE.ink);
  cells.forEach((cell, column) => {
    const at = columns[column]!;
    doc.text(cell, at.x, y + 3.5, { width: at.width, align: at.align, lineBreak: false });
  });
  if (kind === 'heading') rule(doc, y + ROW_HEIGHT);
  doc.x = left;
  doc.y = y + ROW_HEIGHT;
}
