import { vi } from 'vitest';
import { iterations } from '../iterations';

/**
 * A test here starts child processes and kills them tens of times in the long form; on a shared 2-core
 * machine that takes minutes, far past the suite's default timeout. Called at the top of each test file.
 */
export function allowForKillsAndRaces(): void {
  const ms = iterations(600_000, 3_600_000);
  vi.setConfig({ testTimeout: ms, hookTimeout: ms });
}
