import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write';
import type { Db } from './database';
import { readSetting, writeSetting } from './settings';

/**
 * The audit chain's head, kept outside the database in `vault.anchor` and sealed with a key derived from the
 * data key, so entries cut off the end of the chain are reported by verify: the chain alone cannot show
 * that its last entries are missing. Specified in docs/vault-format.md, with what it does not prevent.
 */
export const ANCHOR_FILE = 'vault.anchor';
const ANCHOR_FORMAT = 'confide-audit-anchor';
const ANCHOR_SINCE = 'audit_anchor_since';

interface Anchor {
  format: typeof ANCHOR_FORMAT;
  version: 1;
  seq: number;
  hash: string;
  mac: string;
}

/** HMAC-SHA256 key for the anchor: HKDF-SHA256(data key, no salt, "confide audit anchor v1"), 32 bytes. */
function anchorKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'confide audit anchor v1', 32));
}

function macOf(dataKey: Buffer, seq: number, hash: string): string {
  const key = anchorKey(dataKey);
  try {
    return createHmac('sha256', key).update(`${ANCHOR_FORMAT}:1:${seq}:${hash}`, 'utf8').digest('hex');
  } finally {
    key.fill(0);
  }
}

function lastEntry(db: Db): { seq: number; hash: string } | null {
  return (db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? null;
}

/** Seals the chain's current head into vault.anchor (atomically) and notes in the vault that it has one. */
export function writeAnchor(dir: string, db: Db, dataKey: Buffer): void {
  const head = lastEntry(db);
  if (head === null) return;
  if (readSetting(db, ANCHOR_SINCE) === null) writeSetting(db, ANCHOR_SINCE, String(head.seq));
  const anchor: Anchor = { format: ANCHOR_FORMAT, version: 1, seq: head.seq, hash: head.hash, mac: macOf(dataKey, head.seq, head.hash) };
  writeFileAtomic(join(dir, ANCHOR_FILE), `${JSON.stringify(anchor)}\n`);
}

/** What the anchor says about the chain's end: null when it agrees, else the problem in words. */
export function anchorProblem(dir: string, db: Db, dataKey: Buffer): string | null {
  const path = join(dir, ANCHOR_FILE);
  if (!existsSync(path)) {
    return readSetting(db, ANCHOR_SINCE) === null ? null : 'the audit anchor (vault.anchor) is missing, so entries cut from the end of the log would not show';
  }
  let anchor: Anchor;
  try {
    anchor = JSON.parse(readFileSync(path, 'utf8')) as Anchor;
  } catch {
    return 'the audit anchor (vault.anchor) cannot be read';
  }
  if (anchor.format !== ANCHOR_FORMAT || typeof anchor.seq !== 'number' || typeof anchor.hash !== 'string' || typeof anchor.mac !== 'string') {
    return 'the audit anchor (vault.anchor) is not in the expected format';
  }
  const expected = Buffer.from(macOf(dataKey, anchor.seq, anchor.hash), 'hex');
  const given = Buffer.from(anchor.mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'the audit anchor (vault.anchor) was altered';
  const entry = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(anchor.seq) as { hash: string } | undefined;
  const head = lastEntry(db);
  if (entry === undefined) {
    return `entries ${(head?.seq ?? 0) + 1} to ${anchor.seq} are missing from the end of the audit log`;
  }
  if (entry.hash !== anchor.hash) return `entry ${anchor.seq} is not the entry the audit anchor sealed`;
  return null;
}
