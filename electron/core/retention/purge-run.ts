import { performance } from 'node:perf_hooks';
import type { Progress } from '../../../shared/progress';
import type { AuditAction } from '../../../shared/audit-actions';
import { appendAudit } from '../vault/audit';
import type { Db } from '../vault/database';
import type { FieldGroupId } from '../../../shared/rules/retention';
import { destroyFieldGroups, type FieldGroupDestruction } from './destroy-field-groups';
import { destroyClient, destroySession, type ClientDestruction, type SessionDestruction } from './destroy-client';
import { beginRun, finishRun, registerClient, registerFieldGroup, registerSession, type RunKind, type RunRow } from './destruction-register';
import { cleanUpPages, owePageCleanup, setIndexSecureDelete, type PageCleanup } from './page-cleanup';

/**
 * One client, one session entered in error, or the due field groups of a client whose record stays, to destroy,
 * with the rule that makes it due in words for the register.
 */
export type PurgeItem =
  | { clientId: string; rule: string; enteredInError: boolean }
  | { sessionId: string; rule: string }
  | { fieldGroupsOf: string; groups: ReadonlyArray<{ what: FieldGroupId; rule: string }> };

export interface PurgeRunOptions {
  db: Db;
  userId: string;
  now: () => string;
  kind: RunKind;
  /** The retention rules in force, as JSON, kept with the run for its certificate. */
  rules: string;
  items: readonly PurgeItem[];
  touchFile(fileId: string): void;
  reportProgress(progress: Progress): void;
  /**
   * Called between batches with no transaction open: other calls take their turn here. Returns false when the
   * purge must stop (the vault was locked meanwhile); every client done so far stays destroyed and registered.
   */
  betweenBatches(): Promise<boolean>;
  /** How long one batch (one transaction) may run before the others get their turn. */
  batchMs?: number;
}

export interface PurgeOutcome {
  run: RunRow;
  destroyed: ClientDestruction[];
  sessionsInError: SessionDestruction[];
  /** Field groups destroyed from records that stay (referrer details, equality answers). */
  fieldGroups: FieldGroupDestruction[];
  /** False when the purge stopped before its end (the vault was locked); running it again finishes the job. */
  complete: boolean;
  pageCleanup: PageCleanup | null;
}

export const DESTROYING = 'Destroying records';
export const CLEANING_UP = 'Removing freed pages';
const DEFAULT_BATCH_MS = 50;
/**
 * The page cache while a purge destroys, in KiB (the vault's own is 32 MiB). Destroying a client looks up its rows by
 * id in a dozen indexes keyed by random UUIDs; at 100,000 clients those indexes are far larger than 32 MiB, so nearly
 * every lookup decrypted a page again and the cost per client grew with the vault. The cache grows only as pages are
 * read and is cut back (its pages freed) when the purge ends. docs/decisions.md.
 */
export const PURGE_PAGE_CACHE_KIB = 256 * 1024;

/**
 * Runs a destruction: the run is recorded, then clients are destroyed in batches, each batch one transaction in
 * which every client is destroyed and registered (and audited) together — so a purge killed at any moment leaves
 * each client wholly destroyed-and-registered or wholly present. Between batches other calls run. At the end the
 * freed pages are removed and the WAL truncated.
 */
export async function runPurge(options: PurgeRunOptions): Promise<PurgeOutcome> {
  const { db, items } = options;
  const batchMs = options.batchMs ?? DEFAULT_BATCH_MS;
  owePageCleanup(db);
  // Each batch's commit waits for the disk only at NORMAL: a crash still leaves every batch whole or absent
  // (the WAL's checksums), power lost in the last moments may undo the last batches before the checkpoint,
  // which the purge's end waits for (FULL again) before it reports the run done. docs/decisions.md.
  db.pragma('synchronous = NORMAL');
  // No checkpoint part-way (each would write and sync much of the file again); the clean-up makes one at the end.
  const autoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${PURGE_PAGE_CACHE_KIB}`);
  try {
    return await destroyAll(options, batchMs);
  } finally {
    if (db.open) {
      db.pragma('synchronous = FULL');
      db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
      db.pragma(`cache_size = ${cacheSize}`);
    }
  }
}

async function destroyAll(options: PurgeRunOptions, batchMs: number): Promise<PurgeOutcome> {
  const { db, items } = options;
  const run = db.transaction(() => {
    const row = beginRun(db, { kind: options.kind, authorisedBy: options.userId, at: options.now(), rules: options.rules, planned: items.length });
    entry(options, 'retention.purge.start', row.id, { run: row.run_no, planned: items.length });
    return row;
  })();
  const destroyed: ClientDestruction[] = [];
  const sessionsInError: SessionDestruction[] = [];
  const fieldGroups: FieldGroupDestruction[] = [];
  let next = 0;
  options.reportProgress({ phase: DESTROYING, done: 0, total: items.length });
  while (next < items.length) {
    const started = performance.now();
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      setIndexSecureDelete(db, false);
      do {
        const item = items[next]!;
        next += 1;
        if ('fieldGroupsOf' in item) {
          const gone = destroyFieldGroups(db, item.fieldGroupsOf, item.groups.map((group) => group.what));
          if (gone.length === 0) continue;
          const at = options.now();
          for (const group of gone) registerFieldGroup(db, run.id, at, item.groups.find((g) => g.what === group.what)!.rule, group);
          entry(options, 'client.field-groups.destroy', item.fieldGroupsOf, { run: run.run_no, groups: gone.length });
          fieldGroups.push(...gone);
          continue;
        }
        if ('sessionId' in item) {
          const gone = destroySession(options, item.sessionId);
          if (gone === null) continue;
          registerSession(db, run.id, options.now(), item.rule, gone);
          entry(options, 'session.destroy.entered-in-error', item.sessionId, { run: run.run_no });
          sessionsInError.push(gone);
          continue;
        }
        const outcome = destroyClient(options, item.clientId);
        if (outcome === null) continue;
        const at = options.now();
        registerClient(db, run.id, at, item.rule, outcome);
        entry(options, item.enteredInError ? 'client.destroy.entered-in-error' : 'client.destroy', item.clientId, { run: run.run_no });
        destroyed.push(outcome);
      } while (next < items.length && performance.now() - started < batchMs);
      setIndexSecureDelete(db, true);
    })();
    options.reportProgress({ phase: DESTROYING, done: next, total: items.length });
    if (next < items.length && !(await options.betweenBatches())) {
      return { run, destroyed, sessionsInError, fieldGroups, complete: false, pageCleanup: null };
    }
  }
  options.reportProgress({ phase: CLEANING_UP, done: 0, total: 1 });
  const finishedAt = options.now();
  db.transaction(() => {
    finishRun(db, run.id, finishedAt);
    entry(options, 'retention.purge', run.id, { run: run.run_no, destroyed: destroyed.length, sessions: sessionsInError.length, fieldGroups: fieldGroups.length });
  })();
  db.pragma('synchronous = FULL');
  const pageCleanup = await cleanUpPages(db, options.betweenBatches);
  if (pageCleanup === null) return { run: { ...run, finished_at: finishedAt }, destroyed, sessionsInError, fieldGroups, complete: false, pageCleanup };
  options.reportProgress({ phase: CLEANING_UP, done: 1, total: 1 });
  return { run: { ...run, finished_at: finishedAt }, destroyed, sessionsInError, fieldGroups, complete: true, pageCleanup };
}

function entry(options: PurgeRunOptions, action: AuditAction, targetId: string, detail: Record<string, number>): void {
  appendAudit(options.db, { at: options.now(), actorId: options.userId, action, targetId, detail });
}
