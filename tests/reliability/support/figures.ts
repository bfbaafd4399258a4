import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LONG_FORM } from '../iterations';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * Appends one test's counts to test-results/reliability-figures.jsonl, so the figures in
 * docs/reliability.md come from runs of the suite rather than from memory.
 */
export function recordFigures(test: string, figures: Record<string, number>): void {
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const line = JSON.stringify({ test, form: LONG_FORM ? 'long' : 'short', at: new Date().toISOString(), ...figures });
  appendFileSync(join(ROOT, 'test-results', 'reliability-figures.jsonl'), `${line}\n`);
}
