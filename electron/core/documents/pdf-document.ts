import PDFDocument from 'pdfkit';
import type { DocumentFonts } from './fonts';

/** How every Confide document looks: A4, Source Sans 3, one accent colour. */
export const STYLE = {
  margins: { top: 56, bottom: 72, left: 64, right: 64 },
  ink: '#1b1b1b',
  muted: '#5b6166',
  accent: '#1f4e5a',
  rule: '#c9cfd3',
  body: 11,
  small: 9,
  lineGap: 2.5,
} as const;

/** What every document function takes besides its content. */
export interface DocumentRenderOptions {
  fonts: DocumentFonts;
  /** The core's clock, written as the PDF's creation date: the same input and clock give the same bytes. */
  createdAt: Date;
}

export interface PdfOptions extends DocumentRenderOptions {
  title: string;
  author: string;
}

export type Pdf = PDFKit.PDFDocument;

/**
 * A new document with the fonts registered as 'regular' and 'semibold'. Pages are buffered so
 * that footers can say "Page 2 of 5" once the last page is known.
 */
export function startPdf(options: PdfOptions): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    margins: STYLE.margins,
    bufferPages: true,
    // No default font: pdfkit's is Helvetica, whose metrics it loads from beside its own files (absent
    // from a bundle). And a default font of ours would defeat pdfkit's cache of our named fonts (it
    // re-parses a named font on every switch when a font of the same name is already open).
    font: null as unknown as string,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: options.title,
      Author: options.author,
      Creator: 'Confide',
      CreationDate: options.createdAt,
    },
  });
  // Each document parses its own copy of the fonts. fontkit caches glyphs with the characters they were
  // first drawn for, and pdfkit maps glyphs back to text from that cache, so a parsed font shared between
  // documents let one document change how another's text is read (copied, searched, spoken).
  for (const name of ['regular', 'semibold'] as const) doc.registerFont(name, options.fonts[name]);
  doc.font('regular').fontSize(STYLE.body).fillColor(STYLE.ink).lineGap(STYLE.lineGap);
  return doc;
}

export const textWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const pageBottom = (doc: Pdf) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit above the bottom margin. */
export function keepTogether(doc: Pdf, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

export function rule(doc: Pdf, y: number): void {
  const { left } = doc.page.margins;
  doc.save().moveTo(left, y).lineTo(left + textWidth(doc), y).lineWidth(0.6).strokeColor(STYLE.rule).stroke().restore();
}

/**
 * Writes each page's footer (given its number and the page count), ends the document and returns its
 * bytes. pdfkit pushes every byte into its readable side synchronously on end(), so reading them back
 * here needs no event loop turn.
 */
export function finishPdf(doc: Pdf, footer: (page: number, pages: number) => string): Buffer {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 44;
    rule(doc, y - 8);
    doc
      .font('regular')
      .fontSize(STYLE.small)
      .fillColor(STYLE.muted)
      .text(footer(index - start + 1, count), doc.page.margins.left, y, { width: textWidth(doc), align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  const chunks: Buffer[] = [];
  for (let chunk: Buffer | null = doc.read(); chunk !== null; chunk = doc.read()) chunks.push(chunk);
  return Buffer.concat(chunks);
}
