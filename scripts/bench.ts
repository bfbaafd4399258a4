/**
 * npm run bench — the benchmark suite. Each part runs in its own Node process (so one part's memory and
 * caches never colour the next), prints its markdown tables as it goes, and every table is collected into
 * test-results/bench.json. Every figure is set against a baseline measured in the same run, interleaved op
 * by op where the part allows it, because this machine is shared and absolute times drift with its load.
 *
 *   npm run bench              quick form (default)
 *   npm run bench -- --full    full form: the sizes the targets in docs/performance.md are stated at
 *   npm run bench -- --only practice,cli    some parts only
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

interface Part {
  name: string;
  script: string;
  what: string;
  env: Record<string, string>;
  /** Rough wall time on the 2-core development machine under the usual load, and the most disk it uses at once. */
  minutes: number;
  diskGB: number;
}

const FULL = process.argv.includes('--full');
const onlyAt = process.argv.indexOf('--only');
const ONLY = onlyAt >= 0 ? new Set(process.argv[onlyAt + 1]?.split(',')) : null;
const ROOT = join(import.meta.dirname, '..');

const QUICK_PARTS: Part[] = [
  { name: 'encryption', script: 'scripts/bench-encryption.ts', what: 'SQLCipher vs plain SQLite, 1k clients × 20 notes', env: { BENCH_CLIENTS: '1000', BENCH_NOTES_PER_CLIENT: '20', BENCH_RUNS: '400' }, minutes: 1, diskGB: 0.1 },
  { name: 'practice', script: 'scripts/bench-practice.ts', what: 'client file, commits, search, lists through the core: 1k clients × 20 notes', env: { BENCH_PRACTICE_CLIENTS: '1000', BENCH_PRACTICE_NOTES_PER_CLIENT: '20', BENCH_RUNS: '300' }, minutes: 1.5, diskGB: 0.1 },
  { name: 'cli', script: 'scripts/bench-cli.mjs', what: 'confide methods / verify start-up vs node -e 0', env: { BENCH_CLI_RUNS: '9' }, minutes: 1, diskGB: 0 },
  { name: 'unlock', script: 'scripts/bench-unlock.ts', what: 'unlock vs Argon2id alone at 10 MB', env: { BENCH_UNLOCK_SIZES_MB: '10' }, minutes: 1, diskGB: 0.05 },
  { name: 'blobs', script: 'scripts/bench-blobs.ts', what: 'recording import/read-back vs file copy, 256 MiB', env: { BENCH_BLOB_MB: '256', BENCH_BLOB_ROUNDS: '1' }, minutes: 1, diskGB: 0.8 },
  { name: 'renderer', script: 'scripts/bench-renderer.ts', what: 'first paint in Chromium: 10,000-client list, client file with 500 sessions', env: { BENCH_RUNS: '5' }, minutes: 1.5, diskGB: 0.05 },
];

const FULL_PARTS: Part[] = [
  { name: 'encryption', script: 'scripts/bench-encryption.ts', what: 'SQLCipher vs plain SQLite, 10k clients × 20 notes', env: { BENCH_CLIENTS: '10000', BENCH_NOTES_PER_CLIENT: '20', BENCH_RUNS: '1000' }, minutes: 5, diskGB: 0.8 },
  { name: 'practice-10k', script: 'scripts/bench-practice.ts', what: 'practice through the core: 10k clients × 20 notes', env: { BENCH_PRACTICE_CLIENTS: '10000', BENCH_PRACTICE_NOTES_PER_CLIENT: '20', BENCH_RUNS: '500' }, minutes: 5, diskGB: 0.5 },
  { name: 'practice-1m', script: 'scripts/bench-practice.ts', what: 'practice through the core: 100k clients × 10 notes = 1M notes', env: { BENCH_PRACTICE_CLIENTS: '100000', BENCH_PRACTICE_NOTES_PER_CLIENT: '10', BENCH_PRACTICE_SESSIONS_PER_CLIENT: '5', BENCH_RUNS: '500' }, minutes: 25, diskGB: 2.5 },
  { name: 'cli', script: 'scripts/bench-cli.mjs', what: 'confide methods / verify start-up vs node -e 0', env: { BENCH_CLI_RUNS: '21' }, minutes: 2, diskGB: 0 },
  { name: 'unlock', script: 'scripts/bench-unlock.ts', what: 'unlock vs Argon2id alone at 10 MB, 300 MB and 1 GB', env: { BENCH_UNLOCK_SIZES_MB: '10,300,1000' }, minutes: 12, diskGB: 1.1 },
  { name: 'blobs', script: 'scripts/bench-blobs.ts', what: 'recording import/read-back vs file copy, 2 GiB', env: { BENCH_BLOB_MB: '2048', BENCH_BLOB_ROUNDS: '3' }, minutes: 10, diskGB: 6.2 },
  { name: 'documents', script: 'scripts/bench-documents.ts', what: 'attendance letter, CSV, destruction certificates', env: {}, minutes: 2, diskGB: 0 },
  { name: 'retention', script: 'scripts/bench-retention.ts', what: 'retention dashboard, one client, rules preview at 100k clients', env: { BENCH_RETENTION_CLIENTS: '100000' }, minutes: 15, diskGB: 0.5 },
  { name: 'renderer', script: 'scripts/bench-renderer.ts', what: 'first paint in Chromium: 10,000-client list, client file with 500 sessions', env: { BENCH_RUNS: '20' }, minutes: 4, diskGB: 0.05 },
  { name: 'purge', script: 'scripts/bench-purge.ts', what: 'purge of 10,000 of 100,000 clients, page clean-up included', env: { BENCH_PURGE_CLIENTS: '100000' }, minutes: 30, diskGB: 1 },
];

interface Table {
  title: string | null;
  header: string[];
  rows: string[][];
}

/** The markdown tables in a part's output, with the `### title` line before each, if any. */
function tablesIn(output: string): Table[] {
  const tables: Table[] = [];
  let title: string | null = null;
  let current: Table | null = null;
  const cells = (line: string) => line.trim().slice(1, -1).split('|').map((cell) => cell.trim());
  for (const line of output.split('\n')) {
    if (line.startsWith('### ')) title = line.slice(4).trim();
    if (!line.trim().startsWith('|')) {
      current = null;
      continue;
    }
    if (current === null) {
      current = { title, header: cells(line), rows: [] };
      tables.push(current);
      title = null;
    } else if (!/^\|\s*-/.test(line.trim())) current.rows.push(cells(line));
  }
  return tables;
}

function runPart(part: Part): Promise<{ code: number | null; output: string; seconds: number }> {
  const started = performance.now();
  const args = part.script.endsWith('.mjs') ? [part.script] : ['--import', 'tsx', part.script];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...part.env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      process.stdout.write(chunk);
    });
    child.on('close', (code) => resolve({ code, output, seconds: (performance.now() - started) / 1000 }));
  });
}

async function main(): Promise<void> {
  const parts = (FULL ? FULL_PARTS : QUICK_PARTS).filter((part) => ONLY === null || ONLY.has(part.name));
  const minutes = parts.reduce((sum, part) => sum + part.minutes, 0);
  const disk = Math.max(...parts.map((part) => part.diskGB));
  console.log(`Confide benchmark suite, ${FULL ? 'full' : 'quick'} form: ${parts.length} parts.`);
  console.log(`Expect about ${Math.ceil(minutes)} minutes on a shared 2-core machine, and up to ${disk.toFixed(1)} GB of disk at once`);
  console.log(`(in ${process.env.BENCH_DIR ?? 'the OS temp folder'}; each part deletes its files when it ends).`);
  for (const part of parts) console.log(`  ${part.name.padEnd(13)} ~${part.minutes} min  ${part.what}`);
  const loadBefore = loadavg()[0]!;
  const results = [];
  for (const part of parts) {
    console.log(`\n## ${part.name} — ${part.what}\n`);
    const run = await runPart(part);
    results.push({ name: part.name, what: part.what, env: part.env, exitCode: run.code, seconds: Math.round(run.seconds), tables: tablesIn(run.output), output: run.output });
  }
  const report = {
    form: FULL ? 'full' : 'quick',
    at: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: { before: loadBefore, after: loadavg()[0]! },
    parts: results,
  };
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const out = join(ROOT, 'test-results', 'bench.json');
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log('\n## Summary\n');
  console.log('| part | exit | seconds | tables |\n| --- | --- | --- | --- |');
  for (const result of results) console.log(`| ${result.name} | ${result.exitCode} | ${result.seconds} | ${result.tables.length} |`);
  console.log(`\nload average (1 min) before ${loadBefore.toFixed(1)}, after ${report.loadAverage.after.toFixed(1)}; ${cpus().length} cores. Written to ${out}.`);
  if (results.some((result) => result.exitCode !== 0)) process.exitCode = 1;
}

await main();
