import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FREE_TEXT_TABLES } from '../../support/free-text-tables';

/**
 * The attendance summary cannot reach note content by construction: nothing electron/core/attendance/
 * imports, directly or through any module in between, names a table that holds notes or other free text.
 * (tests/integration/attendance-sql.test.ts checks the same at the database: the tables its SQL opens.)
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const ATTENDANCE = join(ROOT, 'electron', 'core', 'attendance');

const NAMES_A_FREE_TEXT_TABLE = new RegExp(
  `\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+(?:${FREE_TEXT_TABLES.join('|')})\\b|\\b(?:${FREE_TEXT_TABLES.filter((t) => t.includes('_')).join('|')})\\b`,
  'i',
);
const IMPORT = /^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]/gm;
/** `import('./x')` with a plain string names its module as surely as a static import, so the walk follows it. */
const DYNAMIC_IMPORT = /(?<![.\w])import\(\s*['"]([^'"]+)['"]\s*\)/g;
/** Other ways of loading code at run time (require, an import of a template string) the walk does not follow. */
const UNFOLLOWABLE_LOAD = /(?<![.\w])(?:require\(\s*['"`]|import\(\s*`)/;

function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  throw new Error(`${relative(ROOT, from)} imports ${specifier}, which does not resolve`);
}

/** Every source file the attendance module reaches, type-only and dynamic imports included (the conservative reading). */
function reachedFrom(entries: string[]): Map<string, string> {
  const seen = new Map<string, string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const source = readFileSync(file, 'utf8');
    seen.set(file, source);
    expect(source, `${relative(ROOT, file)} loads code at run time by a name the walk cannot follow`).not.toMatch(UNFOLLOWABLE_LOAD);
    for (const [, specifier] of [...source.matchAll(IMPORT), ...source.matchAll(DYNAMIC_IMPORT)]) {
      const next = resolveLocal(file, specifier!);
      if (next) queue.push(next);
    }
  }
  return seen;
}

describe('electron/core/attendance', () => {
  const entries = readdirSync(ATTENDANCE)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(ATTENDANCE, name));
  const reached = reachedFrom(entries);

  it('reaches no module that reads notes, searches or decides note visibility', () => {
    expect(entries.length).toBeGreaterThanOrEqual(4);
    const files = [...reached.keys()].map((file) => relative(ROOT, file).replaceAll('\\', '/'));
    for (const forbidden of ['notes.ts', 'search.ts', 'visibility.ts', 'release-consents.ts', 'clients.ts', 'sessions.ts', 'audit-log.ts']) {
      expect(files.filter((file) => file === `electron/core/services/${forbidden}`)).toEqual([]);
    }
    expect(files).toContain('electron/core/services/caseload.ts');
    expect(files).toContain('electron/core/documents/attendance-letter-pdf.ts');
  });

  it('reaches no module whose SQL names a table of notes or other free text', () => {
    const naming = [...reached]
      .filter(([, source]) => NAMES_A_FREE_TEXT_TABLE.test(source))
      .map(([file]) => relative(ROOT, file));
    expect(naming).toEqual([]);
  });

  it('and the check would see one: the note services it keeps out do name those tables', () => {
    for (const file of ['notes.ts', 'search.ts', 'visibility.ts', 'clients.ts', 'sessions.ts']) {
      expect(readFileSync(join(ROOT, 'electron', 'core', 'services', file), 'utf8'), file).toMatch(NAMES_A_FREE_TEXT_TABLE);
    }
  });
});
