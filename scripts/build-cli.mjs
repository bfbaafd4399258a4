// Bundles the `confide` command line into dist/cli/ as plain ESM JavaScript, so it starts without tsx.
// bin/confide.mjs calls this on first use and whenever a source is newer than the bundle; `npm run build:cli`
// runs it by hand. Files are named by content hash and current.json (replaced atomically) names the entry,
// so two commands building at once never see a half-written bundle.
import { build } from 'esbuild';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cliDir = path.join(root, 'dist', 'cli');
const ENTRY = 'electron/cli/confide.ts';

/** esbuild's options for the bundle, written to `outdir` (tests build it in memory to check what loads when). */
export function cliBuildOptions(outdir = cliDir) {
  return {
    absWorkingDir: root,
    entryPoints: [ENTRY],
    outdir,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    // Split at dynamic imports: `confide methods` loads the contract only, not SQLite, Argon2 or the core, and no
    // command loads the PDF code (pdfkit, fontkit) until it makes a document.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Native addons load from node_modules; the strength dictionaries are megabytes, loaded only when a new
    // passphrase is checked.
    external: ['better-sqlite3-multiple-ciphers', 'argon2', '@zxcvbn-ts/*'],
    // Bundled CommonJS may call require(); ESM has none unless we make one.
    banner: { js: "import { createRequire as __confideRequire } from 'node:module'; const require = __confideRequire(import.meta.url);" },
    // Less to parse at every start.
    minify: true,
    legalComments: 'none',
    metafile: true,
  };
}

/** Builds the bundle and returns the path of its entry file. */
export async function buildCli({ quiet = false } = {}) {
  const builtFrom = Date.now();
  const result = await build({ ...cliBuildOptions(), logLevel: quiet ? 'silent' : 'warning' });
  const outputs = Object.entries(result.metafile.outputs);
  const entry = outputs.find(([, output]) => output.entryPoint === ENTRY)?.[0];
  if (!entry) throw new Error('build-cli: esbuild produced no entry file');
  const sources = Object.keys(result.metafile.inputs)
    .filter((input) => !input.startsWith('node_modules/'))
    // A changed dependency changes the bundle too.
    .concat(['package.json', 'package-lock.json']);
  const manifest = { entry: path.relative(cliDir, path.join(root, entry)), builtFrom, sources };
  const temp = path.join(cliDir, `current.json.${process.pid}.tmp`);
  writeFileSync(temp, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(temp, path.join(cliDir, 'current.json'));
  return path.join(root, entry);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // By hand: start clean, so bundles of earlier sources do not pile up.
  rmSync(cliDir, { recursive: true, force: true });
  mkdirSync(cliDir, { recursive: true });
  const entry = await buildCli();
  console.log(`build-cli: wrote ${path.relative(root, entry)}`);
}
