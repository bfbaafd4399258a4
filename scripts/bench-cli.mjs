// Start-up of the bundled `confide` against plain `node -e 0`, measured in the same run, interleaved run by
// run so machine load hits both alike (issue 11's target: `confide methods` within 3× of `node -e 0`).
// `confide verify` is timed to its first answer on a folder with no vault: it loads everything verify needs
// (the core, SQLite, Argon2) and stops before any key derivation, which is the vault's cost, not start-up.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_CLI_RUNS ?? 15);
const bin = path.join(root, 'bin', 'confide.mjs');
const empty = mkdtempSync(path.join(tmpdir(), 'confide-bench-cli-'));

function time(args, expectedStatus = 0) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['pipe', 'ignore', 'ignore'], input: 'not a passphrase\n' });
  if (result.status !== expectedStatus) throw new Error(`bench-cli: ${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const NO_VAULT = 4; // docs/cli.md: not a usable vault
const verifyArgs = [bin, 'verify', path.join(empty, 'none'), '--passphrase-stdin'];
try {
  time([bin, 'methods']); // builds the bundle if it is missing or stale, outside the measurement
  const samples = { base: [], methods: [], verify: [] };
  for (let i = 0; i < runs; i++) {
    samples.base.push(time(['-e', '0']));
    samples.methods.push(time([bin, 'methods']));
    samples.verify.push(time(verifyArgs, NO_VAULT));
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const base = median(samples.base);
  const row = (label, values) => `| ${label} | ${runs} | ${median(values).toFixed(0)} | ${(median(values) / base).toFixed(2)}× |`;
  console.log(`CLI start-up — ${runs} interleaved runs each; load average ${loadavg()[0].toFixed(1)}\n`);
  console.log('### CLI start-up against node -e 0 (target ≤ 3×)\n');
  console.log('| command | runs | median ms | ÷ node -e 0 |\n| --- | --- | --- | --- |');
  console.log(row('node -e 0', samples.base));
  console.log(row('confide methods', samples.methods));
  console.log(row('confide verify, to its first answer (no vault there)', samples.verify));
} finally {
  rmSync(empty, { recursive: true, force: true });
}
