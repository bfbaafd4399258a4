import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { vaultBusy } from './database';

export const LOCK_FILE = 'vault.lock';

/** How long an open waits for another Confide to let go of the vault before saying it is open elsewhere. */
export const DEFAULT_BUSY_WAIT_MS = 5_000;

export interface VaultLock {
  release(): void;
}

/**
 * One Confide process at a time per vault, across processes: an exclusive SQLite transaction held on
 * vault.lock, an empty file that never holds data. The operating system drops the lock when the process
 * dies, so there is no stale lock to clear, and holding it before anything reads vault.db-wal means the
 * WAL cannot change under the check (see docs/decisions.md).
 *
 * Note: on POSIX, closing any descriptor of vault.lock in this process drops the lock, so nothing else
 * in Confide may open that file.
 */
export async function acquireVaultLock(
  dir: string,
  options: { waitMs?: number | undefined; nativeBinding?: string | undefined },
): Promise<VaultLock> {
  const path = join(dir, LOCK_FILE);
  const created = !existsSync(path);
  const db = new Database(path, { timeout: 0, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  if (created) chmodSync(path, 0o600);
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_BUSY_WAIT_MS);
  for (;;) {
    try {
      // The rollback journal would be a second file next to the lock; in memory it is none.
      db.pragma('journal_mode = MEMORY');
      db.exec('BEGIN EXCLUSIVE');
      return {
        release: () => {
          if (!db.open) return;
          try {
            db.exec('ROLLBACK');
          } finally {
            db.close();
          }
        },
      };
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) {
        db.close();
        if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw vaultBusy();
        throw error;
      }
      // Waiting asynchronously keeps the Electron main process responsive; the jitter breaks ties.
      await sleep(20 + Math.floor(Math.random() * 30));
    }
  }
}
