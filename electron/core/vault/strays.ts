import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TEMP_FILE_PATTERN } from './atomic-write';

/**
 * A killed process can leave two kinds of file holding wrapped keys: the temporary sibling of an atomic
 * write of vault.keys, and the staging folder of a vault being created. Both are removed at the next
 * create or open (see docs/decisions.md): wrapped keys are only as strong as the passphrase, so copies of
 * them should not linger.
 */

/** `.<vault folder name>.new-<pid>-<random>`: the pid tells a dead creator's folder from a live one's. */
export function stagingFolderFor(dir: string): string {
  return join(dirname(dir), `.${basename(dir)}.new-${process.pid}-${randomBytes(6).toString('hex')}`);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/** Removes staging folders beside `dir` whose creating process has died. */
export function removeDeadStagingFolders(dir: string): void {
  const prefix = `.${basename(dir)}.new-`;
  let names: string[];
  try {
    names = readdirSync(dirname(dir));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)-[0-9a-f]{12}$/.exec(name.slice(prefix.length));
    if (match && !isAlive(Number(match[1]))) rmSync(join(dirname(dir), name), { recursive: true, force: true });
  }
}

/**
 * Removes temporary files of atomic writes inside the vault folder. Only called while holding the vault
 * lock: every write of vault.keys happens under it, so a temporary file found then belongs to a writer
 * that died.
 */
export function removeAbandonedTempFiles(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (TEMP_FILE_PATTERN.test(name)) rmSync(join(dir, name), { force: true });
  }
}
