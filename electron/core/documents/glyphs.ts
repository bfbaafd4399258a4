import * as fontkit from 'fontkit';

// Apart from fonts.ts, which the core loads at start: fontkit loads only with the first document or letterhead check.
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
