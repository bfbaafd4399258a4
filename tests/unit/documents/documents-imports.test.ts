import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOCUMENTS = join(import.meta.dirname, '..', '..', '..', 'electron', 'core', 'documents');
// What a document module may use: its neighbours, the core's error type, shared pure schemas, and the
// libraries that lay out and check text. Never the vault, a service or electron: documents are made
// from the plain values they are given, so they cannot reach a note.
const ALLOWED = [/^\.\/[a-z-]+$/, /^\.\.\/errors$/, /^\.\.\/\.\.\/\.\.\/shared\/[a-z-]+$/, /^(pdfkit|fontkit|zod)$/, /^node:(fs|path)$/];

describe('electron/core/documents', () => {
  it('imports nothing that can read the vault', () => {
    const files = readdirSync(DOCUMENTS).filter((name) => name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = readFileSync(join(DOCUMENTS, file), 'utf8');
      const imports = [...source.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((match) => match[1]!);
      expect(source).not.toMatch(/\brequire\(|\bimport\(/);
      for (const specifier of imports) expect(ALLOWED.some((pattern) => pattern.test(specifier)), `${file} imports ${specifier}`).toBe(true);
    }
  });
});
