import { STYLE, textWidth, type Pdf } from './pdf-document';

export interface Letterhead {
  practiceName: string;
  tagline?: string;
  addressLines: readonly string[];
}

/** The practice's name (and line about itself) on the left, its address on the right, an accent rule below. */
export function drawLetterhead(doc: Pdf, head: Letterhead): void {
  const { left, top } = doc.page.margins;
  const width = textWidth(doc);
  const addressWidth = 170;
  const nameWidth = width - addressWidth - 24;

  doc.font('semibold').fontSize(19).fillColor(STYLE.accent).text(head.practiceName, left, top, { width: nameWidth, lineGap: 0 });
  if (head.tagline) {
    doc.moveDown(0.15).font('regular').fontSize(STYLE.small + 0.5).fillColor(STYLE.muted).text(head.tagline, left, doc.y, { width: nameWidth });
  }
  const leftBottom = doc.y;

  let rightBottom = top;
  if (head.addressLines.length > 0) {
    doc.font('regular').fontSize(STYLE.small + 0.5).fillColor(STYLE.muted);
    doc.text(head.addressLines.join('\n'), left + width - addressWidth, top + 3, { width: addressWidth, align: 'right', lineGap: 1 });
    rightBottom = doc.y;
  }
  const bottom = Math.max(leftBottom, rightBottom) + 12;

  doc.save().rect(left, bottom, width, 1.6).fill(STYLE.accent).restore();
  doc.x = left;
  doc.y = bottom + 24;
}
