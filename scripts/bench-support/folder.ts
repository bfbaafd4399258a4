import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where a benchmark writes its files: BENCH_DIR if set, else the OS temp folder. Commits are timed on a real
 * disk path, so point BENCH_DIR at the disk the vault will live on when /tmp is a RAM disk (tmpfs).
 */
export function benchFolder(prefix: string): string {
  const base = process.env.BENCH_DIR ?? tmpdir();
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, prefix));
}
