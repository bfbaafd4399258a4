// Runs the unit, integration and reliability tests under another maintained Node release, e.g.
//   node scripts/test-node.mjs 24
// The Node binary comes from the npm registry (the node-<platform>-<arch> package is a real Node build with
// its headers), so this works wherever `npm install` does. better-sqlite3 is a V8-ABI addon, so the tests
// run in a mirror of the project under .cache/node-<major>/ whose node_modules links to ours, except for
// the SQLite module, which is built there for that Node. The project's own node_modules is never touched.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SQLITE = 'better-sqlite3-multiple-ciphers';
// Node 24.19 backported per-object cleanup hooks into the header-only node::ObjectWrap without the
// registry that makes them safe (nodejs/node#65446): an addon compiled against 24.19+ headers aborts
// the process ("Assertion failed: (env) != nullptr") when V8 collects a Statement outside a context.
// The ABI is the same for every 24.x, so the module is compiled against the last headers before it.
const HEADERS_BEFORE_OBJECT_WRAP_HOOKS = { 24: '24.18.0' };
const major = process.argv[2];
if (!/^\d+$/.test(major ?? '')) fail('usage: node scripts/test-node.mjs <major version, e.g. 24> [vitest arguments]');
const vitestArgs = process.argv.slice(3);

const cache = path.join(root, '.cache', `node-${major}`);
const nodeHome = path.join(cache, 'node');
const nodeBin = path.join(nodeHome, 'bin', 'node');
const mirror = path.join(cache, 'tree');

fetchNode(major, nodeHome);
const version = run(nodeBin, ['--version'], { capture: true }).trim();
console.log(`test-node: ${version} from the npm registry (${path.relative(root, nodeBin)})`);
const headersHome = headersFor(nodeHome);
mirrorProject();
buildSqlite(headersHome);
const result = spawnSync(nodeBin, [path.join(mirror, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...vitestArgs], {
  cwd: mirror,
  stdio: 'inherit',
  // Child processes the tests start (the CLI, killed writers) must run on the same Node.
  env: { ...process.env, PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH ?? ''}` },
});
process.exit(result.status ?? 1);

function fetchNode(release, home) {
  if (fs.existsSync(path.join(home, 'bin', 'node'))) return;
  const pkg = `node-${process.platform}-${process.arch}@${release}`;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-node-'));
  try {
    console.log(`test-node: fetching ${pkg} from the npm registry…`);
    const tarball = run('npm', ['pack', pkg, '--silent', '--pack-destination', work], { capture: true }).trim().split('\n').at(-1);
    run('tar', ['-xzf', path.join(work, tarball), '-C', work]);
    fs.rmSync(home, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(home), { recursive: true });
    fs.renameSync(path.join(work, 'package'), home);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The Node whose headers the SQLite module is compiled against: this one, unless its ObjectWrap is unsafe. */
function headersFor(home) {
  const objectWrap = fs.readFileSync(path.join(home, 'include', 'node', 'node_object_wrap.h'), 'utf8');
  const safeRelease = HEADERS_BEFORE_OBJECT_WRAP_HOOKS[major];
  if (!objectWrap.includes('AddCleanupHook') || !safeRelease) return home;
  const safeHome = path.join(cache, `headers-${safeRelease}`);
  fetchNode(safeRelease, safeHome);
  console.log(`test-node: compiling ${SQLITE} against Node ${safeRelease}'s headers (nodejs/node#65446)`);
  return safeHome;
}

/** The project's files (not its node_modules, build output or git data), refreshed on every run. */
function mirrorProject() {
  const skip = new Set(['node_modules', '.git', '.cache', 'dist', 'native', 'release', 'test-results', 'playwright-report']);
  fs.mkdirSync(mirror, { recursive: true });
  for (const entry of fs.readdirSync(mirror)) {
    if (entry !== 'node_modules') fs.rmSync(path.join(mirror, entry), { recursive: true, force: true });
  }
  for (const entry of fs.readdirSync(root)) {
    if (!skip.has(entry)) fs.cpSync(path.join(root, entry), path.join(mirror, entry), { recursive: true });
  }
  const modules = path.join(mirror, 'node_modules');
  fs.mkdirSync(modules, { recursive: true });
  for (const entry of fs.readdirSync(path.join(root, 'node_modules'))) {
    const link = path.join(modules, entry);
    if (entry === SQLITE || fs.existsSync(link)) continue;
    fs.symlinkSync(path.join(root, 'node_modules', entry), link);
  }
}

/** better-sqlite3 compiled for this Node against the headers in its own package: no download needed. */
function buildSqlite(headersHome) {
  const target = path.join(mirror, 'node_modules', SQLITE);
  const stamp = path.join(target, '.built-for');
  const builtFor = `${version} with headers from ${path.relative(cache, headersHome)}`;
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === builtFor) return;
  const source = path.join(root, 'node_modules', SQLITE);
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(source, target, { recursive: true, filter: (file) => file !== path.join(source, 'build') });
  console.log(`test-node: building ${SQLITE} for ${version} (a few minutes, once)…`);
  const env = { ...process.env, PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH ?? ''}` };
  for (const key of Object.keys(env)) if (/^npm_config_/i.test(key)) delete env[key];
  run(nodeBin, [path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'), 'rebuild', '--release', `--nodedir=${headersHome}`], {
    cwd: target,
    env,
  });
  fs.writeFileSync(stamp, builtFor);
}

function run(command, args, { capture = false, cwd = root, env = process.env } = {}) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit' });
  if (result.status !== 0) fail(`test-node: ${command} ${args.slice(0, 2).join(' ')} failed (exit ${result.status ?? result.signal}).`);
  return result.stdout ?? '';
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
