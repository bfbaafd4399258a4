import { createHash } from 'node:crypto';
import type { AuditAction } from '../../../shared/audit-actions';
import type { Db } from './database';
import { prepared } from './statements';

/**
 * The tamper-evident audit log: each entry's hash covers its own fields and the previous entry's hash,
 * so editing, deleting or reordering a row breaks the chain from that row on. Entries carry ids and
 * counts only, never names or record content.
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
  prev_hash: string;
  hash: string;
}

export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const payload = JSON.stringify([row.seq, row.at, row.actor_id, row.action, row.target_id, row.detail, row.prev_hash]);
  return createHash('sha256').update(payload, 'utf8').digest('hex');
}

export function appendAudit(db: Db, entry: AuditEntry): void {
  const last = prepared(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: entry.at,
    actor_id: entry.actorId,
    action: entry.action,
    target_id: entry.targetId ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  prepared(
    db,
    `INSERT INTO audit_log (seq, at, actor_id, action, target_id, detail, prev_hash, hash)
     VALUES (@seq, @at, @actor_id, @action, @target_id, @detail, @prev_hash, @hash)`,
  ).run({ ...row, hash: entryHash(row) });
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
    prev = row.hash;
    expectedSeq += 1;
  }
  return { ok: true, entries, firstBrokenSeq: null, problem: null };
}
