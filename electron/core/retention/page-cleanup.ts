import type { Db } from '../vault/database';

export type PageCleanup = 'auto-vacuum' | 'incremental-vacuum' | 'vacuum';

/**
 * After destruction: no free page may keep a destroyed record, and the WAL may not keep old copies of pages.
 * Vaults made since issue 3 use auto_vacuum = FULL, so each commit already returned its freed pages to the file
 * system (secure_delete zeroed them first) and only the checkpoint is left. An older vault without it is vacuumed
 * whole (VACUUM rewrites every page); one set to INCREMENTAL gives its free pages back with incremental_vacuum.
 * Then the WAL is checkpointed into vault.db and truncated to nothing.
 */
export function cleanUpPages(db: Db): PageCleanup {
  const mode = db.pragma('auto_vacuum', { simple: true }) as number;
  let cleanup: PageCleanup = 'auto-vacuum';
  if ((db.pragma('freelist_count', { simple: true }) as number) > 0) {
    if (mode === 2) {
      db.pragma('incremental_vacuum');
      cleanup = 'incremental-vacuum';
    } else {
      db.exec('VACUUM');
      cleanup = 'vacuum';
    }
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  return cleanup;
}
