import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  /** Each page's lines, top to bottom; pieces of text on one baseline are joined left to right. */
  pages: string[][];
  /** The Info dictionary (Title, Author, …) as pdf.js reads it. */
  info: Record<string, unknown>;
}

interface Piece {
  text: string;
  x: number;
  y: number;
  width: number;
}

/** Reads a PDF's text as a reader would see it, with Mozilla's pdf.js (no Confide code involved). */
export async function pdfText(pdf: Buffer): Promise<PdfText> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: string[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const pieces: Piece[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        pieces.push({ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width });
      }
      pages.push(linesOf(pieces));
    }
    const { info } = await document.getMetadata();
    return { pages, info: info as Record<string, unknown> };
  } finally {
    await document.destroy();
  }
}

function linesOf(pieces: Piece[]): string[] {
  const rows = new Map<number, Piece[]>();
  for (const piece of pieces) {
    // Baselines within a point of each other are one line.
    const key = [...rows.keys()].find((y) => Math.abs(y - piece.y) < 1) ?? piece.y;
    rows.set(key, [...(rows.get(key) ?? []), piece]);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => b - a)
    .map(([, row]) => joinRow(row.sort((a, b) => a.x - b.x)));
}

/** Pieces that touch are one word; a gap wider than a thin space is a space (or a column gap). */
function joinRow(row: Piece[]): string {
  let text = '';
  let end = -Infinity;
  for (const piece of row) {
    text += piece.x - end > 1.5 && text !== '' ? ` ${piece.text}` : piece.text;
    end = piece.x + piece.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Every line of every page run together with spaces, as a reader reads across line breaks. */
export const allText = (text: PdfText) => text.pages.flat().join(' ');

/** Occurrences of `needle` in `haystack`, without overlaps. */
export const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/**
 * Renders the first page to test-results/documents/<name>.png with poppler's pdftoppm, when it is
 * installed, so a person can look at the layout. Returns the PNG's path, or null (and says why).
 */
export function renderFirstPage(pdf: Buffer, name: string): string | null {
  const pdftoppm = ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm', '/opt/homebrew/bin/pdftoppm'].find((path) => existsSync(path));
  if (!pdftoppm) {
    console.log(`Skipping the PNG of ${name}: pdftoppm (poppler-utils) is not installed.`);
    return null;
  }
  const dir = join(process.cwd(), 'test-results', 'documents');
  mkdirSync(dir, { recursive: true });
  const pdfPath = join(dir, `${name}.pdf`);
  writeFileSync(pdfPath, pdf);
  execFileSync(pdftoppm, ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(dir, name)]);
  return join(dir, `${name}.png`);
}
