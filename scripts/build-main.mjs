// Bundles the Electron main process and the preload into dist/main/ (CommonJS, for Electron's Node 22).
// The main bundle finds dist/renderer/ and native/ two folders up from itself, in a checkout and in app.asar.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'main');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

await build({
  ...common,
  entryPoints: ['electron/main.ts'],
  outfile: path.join(outdir, 'main.cjs'),
  // Native addons load from node_modules (argon2) or native/ (better-sqlite3's Electron build). The passphrase
  // strength dictionaries (megabytes, a runtime dependency) load from node_modules only when a new passphrase is
  // checked. pdfkit's ESM build reads import.meta.url at load, which a CommonJS bundle leaves empty, so it and
  // fontkit load from node_modules as the dependencies they are.
  external: ['electron', 'better-sqlite3-multiple-ciphers', 'argon2', '@zxcvbn-ts/*', 'pdfkit', 'fontkit'],
  // The core finds a checkout's resources/ from import.meta.url when it is not told where they are (tests, the
  // CLI); main.ts always tells it, and CommonJS has no import.meta, so the fallback's URL is plainly absent here.
  define: { 'import.meta.url': 'undefined' },
});

const preload = await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: path.join(outdir, 'preload.cjs'),
  external: ['electron'],
  // The contract's zod schemas come along with isMethodName; minifying keeps every page load light.
  minify: true,
});

// A sandboxed preload can require only a handful of modules; anything but 'electron' would fail at run time.
const stray = Object.values(preload.metafile.outputs)
  .flatMap((output) => output.imports)
  .filter((entry) => entry.external && entry.path !== 'electron')
  .map((entry) => entry.path);
if (stray.length > 0) {
  console.error(`build-main: the sandboxed preload must require only 'electron', but it requires: ${stray.join(', ')}`);
  process.exit(1);
}

console.log(`build-main: wrote ${path.relative(root, outdir)}/main.cjs and preload.cjs`);
