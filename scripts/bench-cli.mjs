// Start-up of the bundled `confide` against plain `node -e 0`, measured in the same run, interleaved run by
// run so machine load hits both alike (issue 11's target: `confide methods` within 3× of `node -e 0`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_CLI_RUNS ?? 15);
const bin = path.join(root, 'bin', 'confide.mjs');

function time(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`bench-cli: ${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

time([bin, 'methods']); // builds the bundle if it is missing or stale, outside the measurement
const baseline = [];
const methods = [];
for (let i = 0; i < runs; i++) {
  baseline.push(time(['-e', '0']));
  methods.push(time([bin, 'methods']));
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const base = median(baseline);
const cli = median(methods);
console.log(`CLI start-up (${runs} interleaved runs, medians)`);
console.log(`  node -e 0          ${base.toFixed(0)} ms`);
console.log(`  confide methods    ${cli.toFixed(0)} ms   ${(cli / base).toFixed(2)}× node -e 0 (target ≤ 3×)`);
