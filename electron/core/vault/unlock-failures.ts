import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Failed unlock attempts cannot be written to the vault (its key is unknown), so each is appended, as a time
 * and nothing else, to `vault.unlock-failures` beside it, from whichever door or process it came; the next
 * successful unlock enters them in the audit log and empties the file. Someone who can write to the folder
 * can delete the file; an honest process's failures survive a quit, a crash and another process.
 */
export const UNLOCK_FAILURES_FILE = 'vault.unlock-failures';
const MAX_KEPT = 1000;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

export function recordUnlockFailure(dir: string, at: string): void {
  try {
    appendFileSync(join(dir, UNLOCK_FAILURES_FILE), `${at}\n`, { mode: 0o600 });
  } catch {
    // A folder that cannot take the line (read-only, gone) still has the in-process back-off.
  }
}

/** The recorded failures, oldest first (at most the last thousand), each a valid time. */
export function recordedUnlockFailures(dir: string): string[] {
  const path = join(dir, UNLOCK_FAILURES_FILE);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => ISO.test(line))
    .slice(-MAX_KEPT);
}

/** After they are in the audit log. */
export function clearUnlockFailures(dir: string): void {
  rmSync(join(dir, UNLOCK_FAILURES_FILE), { force: true });
}
