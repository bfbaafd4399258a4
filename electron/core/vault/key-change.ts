import type { AuditAction } from '../../../shared/audit-actions';
import { createHash } from 'node:crypto';
import { appendAudit } from './audit';
import { ConfideError } from '../errors';
import type { Db } from './database';
import { readKeyFile, writeKeyFile, type KeyFile, type KeySlot } from './key-file';
import { openSlot } from './key-slots';
import { vaultPaths } from './paths';

/**
 * Every change to vault.keys goes through here, so it is audited with the change or does not happen:
 *   1. record the intended change in the database (with a new user's row, if it adds one);
 *   2. re-read vault.keys and replace it atomically with the change applied;
 *   3. in one transaction, write the audit entry and forget the intent.
 * A process killed between 1 and 3 leaves the intent; the next unlock audits it if vault.keys holds the
 * new slot, and undoes it otherwise (reconcileKeyChanges). The caller holds the vault lock, so no other
 * process reads or writes vault.keys in between.
 */
export interface KeyChange {
  /** Written into vault.keys, replacing any slot with the same id. */
  slot: KeySlot;
  /** Other slots the change takes out (the old recovery slot). */
  removes?: (slot: KeySlot) => boolean;
  audit: { action: AuditAction; actorId: string | null; targetId?: string | null };
  /** Runs in the transaction that records the intent: a new user's row goes in with it. */
  newUser?: { id: string; insert: () => void };
}

interface PendingRow {
  slot_id: string;
  wrap_digest: string;
  action: AuditAction;
  actor_id: string | null;
  target_id: string | null;
  new_user_id: string | null;
  recorded_at: string;
}

/** Identifies one wrapping of a slot: a rewrap has a new nonce, so a new digest. */
export function wrapDigest(slot: KeySlot): string {
  return createHash('sha256').update(slot.wrapped.nonce).update(slot.wrapped.ciphertext).update(slot.wrapped.tag).digest('hex');
}

export function applyKeyChange(db: Db, dir: string, change: KeyChange, now: string): void {
  const row: PendingRow = {
    slot_id: change.slot.id,
    wrap_digest: wrapDigest(change.slot),
    action: change.audit.action,
    actor_id: change.audit.actorId,
    target_id: change.audit.targetId ?? null,
    new_user_id: change.newUser?.id ?? null,
    recorded_at: now,
  };
  db.transaction(() => {
    change.newUser?.insert();
    db.prepare(
      `INSERT INTO pending_key_changes (slot_id, wrap_digest, action, actor_id, target_id, new_user_id, recorded_at)
       VALUES (@slot_id, @wrap_digest, @action, @actor_id, @target_id, @new_user_id, @recorded_at)`,
    ).run(row);
  })();
  const path = vaultPaths(dir).keys;
  try {
    const current = readKeyFile(path);
    const kept = current.slots.filter((slot) => slot.id !== change.slot.id && !change.removes?.(slot));
    writeKeyFile(path, { slots: [...kept, change.slot] });
  } catch (error) {
    // The write may have failed before or after the rename: settle by what vault.keys now holds.
    settle(db, row, safeRead(path));
    throw error;
  }
  settle(db, row, readKeyFile(path));
}

function safeRead(path: string): KeyFile | null {
  try {
    return readKeyFile(path);
  } catch {
    return null;
  }
}

function landed(row: PendingRow, keys: KeyFile | null): boolean {
  return keys?.slots.some((slot) => slot.id === row.slot_id && wrapDigest(slot) === row.wrap_digest) ?? false;
}

/** Audits a change that reached vault.keys, or undoes one that did not; either way forgets the intent. */
function settle(db: Db, row: PendingRow, keys: KeyFile | null): void {
  db.transaction(() => {
    db.prepare('DELETE FROM pending_key_changes WHERE slot_id = ?').run(row.slot_id);
    if (landed(row, keys)) {
      appendAudit(db, { at: row.recorded_at, actorId: row.actor_id, action: row.action, targetId: row.target_id });
    } else if (row.new_user_id) {
      db.prepare('DELETE FROM users WHERE id = ?').run(row.new_user_id);
    }
  })();
}

/** At unlock, under the vault lock: finishes or undoes the key changes of a process that died. */
export function reconcileKeyChanges(db: Db, dir: string): void {
  const rows = db.prepare('SELECT * FROM pending_key_changes ORDER BY recorded_at').all() as PendingRow[];
  if (rows.length === 0) return;
  const keys = readKeyFile(vaultPaths(dir).keys);
  for (const row of rows) settle(db, row, keys);
}

/**
 * Unlocking tries each passphrase slot in turn, so two users with one passphrase would open as whichever
 * slot comes first and be audited as that person. A new passphrase that opens another user's slot is
 * refused, and the refusal is audited (it tells the person choosing it that someone uses it).
 */
export async function assertPassphraseNotInUse(
  db: Db,
  keys: KeyFile,
  secret: Buffer,
  /**
   * `refusal`: the entry to write when refusing, for a recovery (the vault is not yet open to the dispatcher,
   * which enters every refused call of an unlocked vault as an attempt); null when the dispatcher will.
   */
  options: { ownSlotId: string | null; refusal: { action: AuditAction; actorId: string | null; at: string } | null },
): Promise<void> {
  const owned = new Set(
    (db.prepare('SELECT key_slot_id FROM users WHERE key_slot_id IS NOT NULL').all() as Array<{ key_slot_id: string }>).map(
      (row) => row.key_slot_id,
    ),
  );
  for (const slot of keys.slots) {
    if (slot.kind !== 'passphrase' || slot.id === options.ownSlotId || !owned.has(slot.id)) continue;
    const opened = await openSlot(slot, secret);
    if (!opened) continue;
    opened.fill(0);
    if (options.refusal !== null) {
      const { at, actorId, action } = options.refusal;
      appendAudit(db, { at, actorId, action, detail: { outcome: 'refused', code: 'conflict', reason: 'passphrase-in-use' } });
    }
    throw new ConfideError(
      'conflict',
      'That passphrase is already in use in this vault. Each person needs their own passphrase: choose a different one.',
    );
  }
}
