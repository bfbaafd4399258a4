import type { DocumentFonts } from './documents/fonts';
import { pdfCode } from './pdf-code';
import { invalidField } from './errors';
import type { Letterhead } from './vault/settings';

// Line breaks and invisible format characters (zero-width joiners, soft hyphens, direction marks) cannot be
// printed on a letterhead; the documents refuse them, so they are refused here, where the person typed them.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/**
 * The letterhead as a director sets it, checked against what a letter can print, so a mistake shows in
 * Settings rather than at the first export.
 */
export async function checkedLetterhead(input: Letterhead, fonts: DocumentFonts): Promise<Letterhead> {
  const { missingGlyphs } = await pdfCode.glyphs();
  const value: Letterhead = {
    addressLines: input.addressLines.map((line) => line.trim()).filter((line) => line !== ''),
    letterheadLine: input.letterheadLine.trim(),
    signatoryName: input.signatoryName.trim(),
    signatoryRole: input.signatoryRole.trim(),
  };
  const fields: Array<[string, string, string]> = [
    ...value.addressLines.map((line, index): [string, string, string] => [`addressLines.${index}`, 'The practice address', line]),
    ['letterheadLine', 'The letterhead line', value.letterheadLine],
    ['signatoryName', 'The signatory’s name', value.signatoryName],
    ['signatoryRole', 'The signatory’s role', value.signatoryRole],
  ];
  for (const [path, label, text] of fields) {
    if (INVISIBLE.test(text)) throw invalidField(path, `${label} contains an invisible formatting character that a letter cannot print; type it again`);
    if (missingGlyphs(fonts.regular, text).length > 0) {
      throw invalidField(path, `${label} has characters the letter’s typeface cannot print (it prints Latin, Greek and Cyrillic letters)`);
    }
  }
  if ((value.signatoryName === '') !== (value.signatoryRole === '')) {
    throw invalidField(value.signatoryName === '' ? 'signatoryName' : 'signatoryRole', 'Give both the signatory’s name and their role, or neither');
  }
  return value;
}
