import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfideError } from './errors';

/** A file only Confide's resources folder has, so an unrelated folder called "resources" is never taken for it. */
const MARKER = join('fonts', 'SourceSans3-Regular.ttf');

function moduleDir(): string {
  // An ES module (tests, the CLI bundle) knows its URL; the CommonJS main bundle passes resourcesDir instead.
  return typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
}

/**
 * The checkout's resources/ folder, for a core made without `resourcesDir` (tests, the CLI run from a
 * checkout): the nearest folder above this code that holds Confide's fonts. This module sits at
 * electron/core/ in the sources and is bundled into dist/cli/, so the depth differs; walking up finds
 * resources/ from either.
 */
export function checkoutResourcesDir(from: string = moduleDir()): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, MARKER))) return candidate;
    if (dirname(dir) === dir) {
      throw new ConfideError('internal', 'Confide cannot find the fonts its documents are printed in (resources/fonts). Reinstall Confide.');
    }
  }
}
