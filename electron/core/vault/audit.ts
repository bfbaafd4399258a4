import { createHash } from 'node:crypto';
import type { AuditAction } from '../../../shared/audit-actions';
import type { Db } from './database';
import { prepared } from './statements';

/**
 * The tamper-evident audit log: each entry's hash covers its own fields and the previous entry's hash,
 * so editing, deleting or reordering a row breaks the chain from that row on. Entries carry ids and
 * counts only, never names or record content.
 *
 * Two forms (docs/vault-format.md): entries written before migration 0009 hash their detail text itself;
 * later ones hash its SHA-256 (`detail_sha256`), so destroying a client can erase an entry's detail (stored
 * as ERASED_DETAIL) and keep its digest, and the chain still verifies.
 */
export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditEntry {
  at: string;
  actorId: string | null;
  action: AuditAction;
  targetId?: string | null;
  detail?: AuditDetail;
}

export const GENESIS_HASH = '0'.repeat(64);

interface AuditRow {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  target_id: string | null;
  detail: string;
  /** NULL on entries written before migration 0009. */
  detail_sha256?: string | null;
  prev_hash: string;
  hash: string;
}

/**
 * What an erased detail is stored as: the entry keeps its digest, its action and its ids. Valid JSON, so every
 * reader of the log goes on working; no written detail has the key `erased`.
 */
export const ERASED_DETAIL = '{"erased":true}';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const digest = row.detail_sha256 ?? null;
  const payload =
    digest === null
      ? JSON.stringify([row.seq, row.at, row.actor_id, row.action, row.target_id, row.detail, row.prev_hash])
      : JSON.stringify([2, row.seq, row.at, row.actor_id, row.action, row.target_id, digest, row.prev_hash]);
  return sha256(payload);
}

const withDigests = new WeakMap<Db, boolean>();

/** Whether this database has reached migration 0009 (a vault being migrated writes no entries before it has). */
function hasDetailDigest(db: Db): boolean {
  let known = withDigests.get(db);
  if (known === undefined) {
    known = (db.prepare(`SELECT count(*) FROM pragma_table_info('audit_log') WHERE name = 'detail_sha256'`).pluck().get() as number) === 1;
    if (known) withDigests.set(db, known);
  }
  return known;
}

export function appendAudit(db: Db, entry: AuditEntry): void {
  const last = prepared(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const detail = JSON.stringify(entry.detail ?? {});
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: entry.at,
    actor_id: entry.actorId,
    action: entry.action,
    target_id: entry.targetId ?? null,
    detail,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  if (!hasDetailDigest(db)) {
    prepared(
      db,
      `INSERT INTO audit_log (seq, at, actor_id, action, target_id, detail, prev_hash, hash)
       VALUES (@seq, @at, @actor_id, @action, @target_id, @detail, @prev_hash, @hash)`,
    ).run({ ...row, hash: entryHash(row) });
    return;
  }
  const digested = { ...row, detail_sha256: sha256(detail) };
  prepared(
    db,
    `INSERT INTO audit_log (seq, at, actor_id, action, target_id, detail, detail_sha256, prev_hash, hash)
     VALUES (@seq, @at, @actor_id, @action, @target_id, @detail, @detail_sha256, @prev_hash, @hash)`,
  ).run({ ...digested, hash: entryHash(digested) });
}

/**
 * Erases the detail of every entry about these records (their ids as the entry's target), keeping each entry's
 * digest, action and ids, so the chain still verifies. Entries from before migration 0009 hash their detail
 * itself and keep it: by the log's rule it holds ids and counts only. Returns how many entries were erased.
 */
export function eraseAuditDetails(db: Db, targetIds: Iterable<string>): number {
  const erase = prepared(
    db,
    `UPDATE audit_log SET detail = '${ERASED_DETAIL}' WHERE target_id = ? AND detail_sha256 IS NOT NULL AND detail <> '${ERASED_DETAIL}'`,
  );
  let erased = 0;
  for (const id of targetIds) erased += erase.run(id).changes;
  return erased;
}

export interface ChainReport {
  ok: boolean;
  entries: number;
  firstBrokenSeq: number | null;
  problem: string | null;
}

export function verifyAuditChain(db: Db): ChainReport {
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let entries = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    entries += 1;
    const broken = (problem: string): ChainReport => ({ ok: false, entries, firstBrokenSeq: row.seq, problem });
    if (row.seq !== expectedSeq) return broken(`entry ${expectedSeq} is missing`);
    if (row.prev_hash !== prev) return broken(`entry ${row.seq} does not follow the entry before it`);
    if (entryHash(row) !== row.hash) return broken(`entry ${row.seq} was changed after it was written`);
    const digest = row.detail_sha256 ?? null;
    if (digest !== null && row.detail !== ERASED_DETAIL && sha256(row.detail) !== digest) {
      return broken(`entry ${row.seq} was changed after it was written`);
    }
    prev = row.hash;
    expectedSeq += 1;
  }
  return { ok: true, entries, firstBrokenSeq: null, problem: null };
}
