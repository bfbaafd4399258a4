// Makes sure the Electron-ABI build of better-sqlite3-multiple-ciphers exists at
//   native/electron-<electronVersion>-<platform>-<arch>/better_sqlite3.node
// (the layout electron/shell/native-binding.ts reads; a unit test keeps the two in step).
// node_modules keeps the Node build for tests and the CLI; this one is built in a temporary copy.
//
//   node scripts/electron-native.mjs [--force] [--platform P] [--arch A] [--print-path] [--verbose]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE = 'better-sqlite3-multiple-ciphers';
const FILE_NAME = 'better_sqlite3.node';
const NETWORK_ERROR = /(?:getaddrinfo )?(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH)(?: [\w.-]+)?|socket hang up|network connectivity/i;

const { values: options } = parseArgs({
  options: {
    force: { type: 'boolean', default: false },
    platform: { type: 'string', default: process.platform },
    arch: { type: 'string', default: process.arch },
    'print-path': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

const electronVersion = readJson(path.join(root, 'node_modules', 'electron', 'package.json')).version;
const dirName = `electron-${electronVersion}-${options.platform}-${options.arch}`;
const target = path.join(root, 'native', dirName, FILE_NAME);

if (options['print-path']) {
  console.log(target);
  process.exit(0);
}
if (!options.force && fs.existsSync(target)) {
  console.log(`electron-native: using ${path.relative(root, target)}`);
  process.exit(0);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-native-'));
try {
  const sourceDir = path.join(root, 'node_modules', PACKAGE);
  const copyDir = path.join(work, PACKAGE);
  // The copy leaves out build/, so node_modules keeps its Node build and the copy starts clean.
  fs.cpSync(sourceDir, copyDir, {
    recursive: true,
    filter: (source) => source !== path.join(sourceDir, 'build'),
  });
  const built = path.join(copyDir, 'build', 'Release', FILE_NAME);
  const env = buildEnv();
  const attempts = [];

  attempts.push(
    run('prebuild-install', [
      modulePath('prebuild-install/bin.js'),
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${options.arch}`,
      `--platform=${options.platform}`,
      '--verbose',
    ], copyDir, env, 3 * 60_000),
  );

  if (!fs.existsSync(built)) {
    if (options.platform === process.platform) {
      attempts.push(
        run('node-gyp', [
          modulePath('node-gyp/bin/node-gyp.js'),
          'rebuild',
          '--release',
          `--target=${electronVersion}`,
          `--arch=${options.arch}`,
          '--dist-url=https://electronjs.org/headers',
          `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
        ], copyDir, env, 20 * 60_000),
      );
    } else {
      attempts.push({ name: 'node-gyp', ok: false, detail: `cannot compile for ${options.platform} on ${process.platform}` });
    }
  }

  if (!fs.existsSync(built)) {
    console.error(
      `electron-native: could not get ${PACKAGE} for Electron ${electronVersion} (${options.platform}-${options.arch}): ${explain(attempts)}`,
    );
    process.exitCode = 1;
  } else {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const partial = `${target}.partial`;
    fs.copyFileSync(built, partial);
    fs.renameSync(partial, target);
    console.log(`electron-native: built ${path.relative(root, target)} (via ${attempts.at(-1).name})`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

function modulePath(specifier) {
  return path.join(root, 'node_modules', specifier);
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** npm passes its own config down as npm_config_*; nodedir/target/runtime there would build for Node instead. */
function buildEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|platform|build_from_source|devdir)$/i.test(key)) {
      delete env[key];
    }
  }
  return env;
}

function run(name, args, cwd, env, timeout) {
  const result = spawnSync(process.execPath, args, { cwd, env, timeout, encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  if (options.verbose) console.error(`--- ${name} ---\n${output}`);
  const ok = result.status === 0;
  return { name, ok, detail: ok ? 'ok' : lastMeaningfulLine(output, result) };
}

function lastMeaningfulLine(output, result) {
  if (result.error?.code === 'ETIMEDOUT') return 'timed out';
  const lines = output.split('\n').map((line) => line.replace(/^(gyp ERR! stack|gyp ERR!|prebuild-install \w+)\s*/, '').trim());
  const network = lines.map((line) => NETWORK_ERROR.exec(line)?.[0]).find((match) => match !== undefined);
  if (network !== undefined) return `network error (${network})`;
  const errors = lines.filter((line) => /err|fail|not found|unable|cannot/i.test(line));
  return (errors.at(-1) ?? `exit code ${result.status}`).slice(0, 160);
}

function explain(attempts) {
  const offline = attempts.some((attempt) => NETWORK_ERROR.test(attempt.detail));
  const tried = attempts.map((attempt) => `${attempt.name}: ${attempt.detail}`).join('; ');
  const why = offline
    ? 'no internet access (the prebuilt binary and the Electron headers to compile against must both be downloaded)'
    : 'no prebuilt binary was found and compiling from source failed';
  return `${why}. Tried ${tried}. Run it again on a machine with internet access, or with --verbose for the full logs.`;
}
