import type { Db } from '../vault/database';
import { readSetting, writeSetting } from '../vault/settings';

export type PageCleanup = 'incremental-vacuum' | 'vacuum';

/** The full-text indexes destruction deletes from. */
export const SEARCH_INDEXES = ['notes_fts', 'note_amendments_fts', 'clients_fts'] as const;
const PENDING = 'purge_cleanup_pending';
/** Pages of index merging, and of free pages given back, per step: a few milliseconds each. */
const MERGE_PAGES = 200;
const VACUUM_PAGES = 2000;

/**
 * FTS5's own secure-delete rewrites, for every word of a deleted note, the index page that lists it: milliseconds a
 * note at 100,000 clients. A purge deletes with it off — inside each batch's transaction, so a purge killed part-way
 * leaves it on — and its clean-up then merges each index into one segment, which drops every deleted entry.
 */
export function setIndexSecureDelete(db: Db, on: boolean): void {
  // FTS5 takes its configuration values as literals, not bound parameters.
  for (const index of SEARCH_INDEXES) db.exec(`INSERT INTO ${index} (${index}, rank) VALUES ('secure-delete', ${on ? 1 : 0})`);
}

/**
 * Before the first batch: the clean-up is owed from now until it is done (a purge killed part-way leaves it owed,
 * and the next purge does it), and a vault with auto_vacuum = FULL — which moves pages at every commit, most of a
 * batch's time — switches to INCREMENTAL until the clean-up gives the free pages back in steps.
 */
export function owePageCleanup(db: Db): void {
  db.transaction(() => {
    if (readSetting(db, PENDING) === null) {
      const mode = db.pragma('auto_vacuum', { simple: true }) as number;
      writeSetting(db, PENDING, mode === 1 ? 'full' : mode === 2 ? 'incremental' : 'none');
    }
  })();
  if (readSetting(db, PENDING) === 'full') db.pragma('auto_vacuum = INCREMENTAL');
}

export function pageCleanupOwed(db: Db): boolean {
  return readSetting(db, PENDING) !== null;
}

/**
 * After destruction: no index segment, free page or WAL frame may keep a destroyed record. In steps, with other
 * calls between them (`between` returns false to stop; the clean-up stays owed):
 * 1. each full-text index is merged into one segment, dropping the entries deleted with FTS5 secure-delete off;
 * 2. free pages — zeroed by SQLite's secure_delete when freed — are given back to the file system: by
 *    incremental_vacuum in steps (and auto_vacuum = FULL restored), or by one VACUUM on an old vault without
 *    auto-vacuum;
 * 3. the WAL is checkpointed into vault.db and truncated to nothing.
 */
export async function cleanUpPages(db: Db, between: () => Promise<boolean>): Promise<PageCleanup | null> {
  for (const index of SEARCH_INDEXES) {
    for (;;) {
      const before = totalChanges(db);
      db.exec(`INSERT INTO ${index} (${index}, rank) VALUES ('merge', -${MERGE_PAGES})`);
      // A merge step that found nothing to do changes one row (its own statement), no more.
      if (totalChanges(db) - before <= 1) break;
      if (!(await between())) return null;
    }
  }
  const was = readSetting(db, PENDING) ?? modeName(db);
  let cleanup: PageCleanup;
  if (was === 'none') {
    if (freePages(db) > 0) db.exec('VACUUM');
    cleanup = 'vacuum';
  } else {
    while (freePages(db) > 0) {
      db.pragma(`incremental_vacuum(${VACUUM_PAGES})`);
      if (freePages(db) > 0 && !(await between())) return null;
    }
    if (was === 'full') db.pragma('auto_vacuum = FULL');
    cleanup = 'incremental-vacuum';
  }
  db.transaction(() => db.prepare('DELETE FROM settings WHERE key = ?').run(PENDING))();
  db.pragma('wal_checkpoint(TRUNCATE)');
  return cleanup;
}

const totalChanges = (db: Db) => db.prepare('SELECT total_changes()').pluck().get() as number;
const freePages = (db: Db) => db.pragma('freelist_count', { simple: true }) as number;
const modeName = (db: Db) => ['none', 'full', 'incremental'][db.pragma('auto_vacuum', { simple: true }) as number] ?? 'none';
