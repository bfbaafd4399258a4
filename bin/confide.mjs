#!/usr/bin/env node
// The `confide` command (package.json "bin"). It runs the bundled CLI in dist/cli/, building it first when
// the bundle is missing or any of its sources is newer, so a fresh checkout, a pull or an edit never runs
// stale code. Freshness costs one stat per source file; the build (esbuild, about a second) happens once.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function freshEntry() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(root, 'dist', 'cli', 'current.json'), 'utf8'));
  } catch {
    return null;
  }
  // Without sources (a copy that ships only dist/), the bundle is all there is.
  const haveSources = existsSync(join(root, 'electron', 'cli', 'confide.ts'));
  for (const source of haveSources ? manifest.sources : []) {
    try {
      if (statSync(join(root, source)).mtimeMs > manifest.builtFrom) return null;
    } catch {
      return null;
    }
  }
  const entry = join(root, 'dist', 'cli', manifest.entry);
  return existsSync(entry) ? entry : null;
}

let entry = freshEntry();
if (entry === null) {
  try {
    const { buildCli } = await import('../scripts/build-cli.mjs');
    entry = await buildCli({ quiet: true });
  } catch {
    process.stderr.write('confide: the command line could not be built from its sources; run `npm run build:cli` to see why.\n');
    process.exit(1);
  }
}
await import(pathToFileURL(entry).href);
