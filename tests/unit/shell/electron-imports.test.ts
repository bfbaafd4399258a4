import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Which process a file runs in must be visible from its imports: only the composition root and the
// preload may load Electron; the core and shared code run under plain Node (tests, CLI) and in the renderer.

const repo = path.resolve(import.meta.dirname, '../../..');
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

function sourceFiles(dir: string): string[] {
  const absolute = path.join(repo, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => path.relative(repo, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.includes('/node_modules/'))
    .sort();
}

const SPECIFIER = String.raw`['"]electron(?:/[\w/]*)?['"]`;
const anyImport = new RegExp(String.raw`(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)${SPECIFIER}`);
const typeOnlyImport = new RegExp(String.raw`^\s*(?:import|export)\s+type\s[^;]*?\bfrom\s*${SPECIFIER}`, 'gm');

function importsElectron(file: string): 'no' | 'types-only' | 'yes' {
  const text = readFileSync(path.join(repo, file), 'utf8');
  if (!anyImport.test(text)) return 'no';
  return anyImport.test(text.replace(typeOnlyImport, '')) ? 'yes' : 'types-only';
}

describe("who may import 'electron'", () => {
  const electronSide = sourceFiles('electron');
  const shared = sourceFiles('shared');

  it('finds the sources it checks', () => {
    expect(electronSide).toContain('electron/main.ts');
    expect(electronSide).toContain('electron/preload.ts');
    expect(shared).toContain('shared/contract.ts');
  });

  it('only electron/main.ts and electron/preload.ts load Electron at run time', () => {
    const loaders = [...electronSide, ...shared].filter((file) => importsElectron(file) === 'yes');
    expect(loaders).toEqual(['electron/main.ts', 'electron/preload.ts']);
  });

  it('the pure shell parts use Electron for types only', () => {
    for (const file of electronSide.filter((f) => f.startsWith('electron/shell/'))) {
      expect(importsElectron(file), file).not.toBe('yes');
    }
  });

  it('electron/core/ never imports Electron, not even its types', () => {
    const core = electronSide.filter((file) => file.startsWith('electron/core/'));
    expect(core.length).toBeGreaterThan(0);
    expect(core.filter((file) => importsElectron(file) !== 'no')).toEqual([]);
  });

  it('shared/ and the renderer never import Electron, not even its types', () => {
    const files = [...shared, ...sourceFiles('renderer/src')];
    expect(files.filter((file) => importsElectron(file) !== 'no')).toEqual([]);
  });

  it('the scan itself tells the kinds of import apart', () => {
    const kinds = (text: string): boolean => anyImport.test(text.replace(typeOnlyImport, ''));
    expect(kinds("import { app } from 'electron';")).toBe(true);
    expect(kinds("const { app } = require('electron');")).toBe(true);
    expect(kinds("await import('electron/main');")).toBe(true);
    expect(kinds("import 'electron';")).toBe(true);
    expect(kinds("import type { WebPreferences } from 'electron';")).toBe(false);
    expect(kinds("import type {\n  A,\n  B,\n} from \"electron\";")).toBe(false);
    expect(kinds("import { x } from 'electron-builder';")).toBe(false);
  });
});
