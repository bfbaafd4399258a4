import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script, without type declarations
import { cliBuildOptions } from '../../scripts/build-cli.mjs';

// What each `confide` command loads at start is what esbuild's split bundle imports statically from the chunk
// it enters. The PDF code (pdfkit, fontkit) is more to load than the rest of the core, so only a dynamic import
// at the point a document is made may reach it (docs/performance.md, "CLI start-up").

type Outputs = Metafile['outputs'];

/** Every output file loaded with `from`, following static imports only. */
function staticClosure(outputs: Outputs, from: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(from);
  return seen;
}

const outputHolding = (outputs: Outputs, input: string) =>
  Object.keys(outputs).find((file) => Object.keys(outputs[file]!.inputs).includes(input));

const inputsOf = (outputs: Outputs, files: Set<string>) => [...files].flatMap((file) => Object.keys(outputs[file]!.inputs));

describe('the bundled CLI', () => {
  it('loads the core without the PDF code, which only a document loads', async () => {
    const result = await build({ ...(cliBuildOptions('/nonexistent/confide-cli-check') as object), write: false, logLevel: 'silent' });
    const outputs = result.metafile!.outputs;
    const core = outputHolding(outputs, 'electron/core/core.ts');
    expect(core).toBeDefined();
    const atStart = inputsOf(outputs, staticClosure(outputs, core!));
    expect(atStart).toContain('electron/core/handlers.ts');
    expect(atStart.filter((input) => /node_modules\/(pdfkit|fontkit)\//.test(input))).toEqual([]);
    expect(atStart).not.toContain('electron/core/documents/pdf-document.ts');

    // The documents still reach it, through the dynamic imports in documents/pdf-code.ts.
    const letter = outputHolding(outputs, 'electron/core/documents/attendance-letter-pdf.ts')!;
    expect(inputsOf(outputs, staticClosure(outputs, letter)).some((input) => input.includes('node_modules/pdfkit/'))).toBe(true);
  });
});
