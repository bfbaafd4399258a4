/** Small helpers the benchmark parts share: percentiles, A/B interleaving, and the markdown tables they print. */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

/** Nearest-rank percentile (q in 0..1) of samples in any order. */
export function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface Summary {
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarise(samples: readonly number[]): Summary {
  return { runs: samples.length, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), p99: percentile(samples, 0.99), max: Math.max(...samples) };
}

/** Times one run of `fn` in ms. */
export async function timed(fn: () => unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/**
 * Runs `a` and `b` alternately, op by op, `runs` times each, swapping which goes first every round, so load on
 * the machine and caches warmed by one side fall on both alike. `before` runs untimed ahead of each op.
 */
export async function interleaved(
  runs: number,
  a: (i: number) => unknown,
  b: (i: number) => unknown,
  before: { a?: () => void; b?: () => void } = {},
): Promise<{ a: number[]; b: number[] }> {
  const out = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < runs; i++) {
    const order: Array<'a' | 'b'> = i % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
    for (const side of order) {
      before[side]?.();
      out[side].push(await timed(() => (side === 'a' ? a(i) : b(i))));
    }
  }
  return out;
}

export const ms = (value: number) => (value < 0.1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value.toFixed(1));
export const ratio = (value: number, base: number) => `${(value / base).toFixed(2)}×`;

export function printTable(title: string, header: string[], rows: string[][]): void {
  console.log(`\n### ${title}\n`);
  console.log(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

export const loadAverage = () => loadavg()[0]!.toFixed(1);

/** A deterministic generator, so the encrypted and plain files get the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
