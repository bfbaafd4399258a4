import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The typefaces every document is set in, embedded (subset) in each PDF so it renders the same on every
 * machine. They ship in resources/fonts/ (Source Sans 3, SIL Open Font License); nothing is fetched.
 */
export interface DocumentFonts {
  regular: Buffer;
  semibold: Buffer;
}

const FILES: Record<keyof DocumentFonts, string> = {
  regular: 'SourceSans3-Regular.ttf',
  semibold: 'SourceSans3-Semibold.ttf',
};

/** Reads the fonts from the app's resources folder (`<app root>/resources`). */
export function loadDocumentFonts(resourcesDir: string): DocumentFonts {
  const read = (name: keyof DocumentFonts) => readFileSync(join(resourcesDir, 'fonts', FILES[name]));
  return { regular: read('regular'), semibold: read('semibold') };
}

const coverage = new WeakMap<Buffer, Set<number>>();

/** The characters of `text` the font has no glyph for (they would print as empty boxes). */
export function missingGlyphs(font: Buffer, text: string): string[] {
  let characters = coverage.get(font);
  if (!characters) {
    const opened = fontkit.create(font);
    if (!('characterSet' in opened)) throw new Error('a document font must be a single font, not a collection');
    characters = new Set(opened.characterSet);
    coverage.set(font, characters);
  }
  const missing = new Set<string>();
  for (const character of text) {
    // Spaces of every kind are laid out by the line breaker, not drawn.
    if (/\s/u.test(character)) continue;
    if (!characters.has(character.codePointAt(0)!)) missing.add(character);
  }
  return [...missing];
}
