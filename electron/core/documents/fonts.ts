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
