import type { PendingRecoveryCode } from '../../../shared/schemas';
import type { Db } from './database';
import { readSetting, writeSetting } from './settings';

const KEY = 'pending_recovery_code';

/**
 * A new recovery code stays in the (encrypted) vault until a director confirms it is written down, so an
 * idle lock, a suspend or a crash on the recovery-code screen cannot destroy the only copy. Confirming
 * deletes it; secure_delete and the checkpoint at lock leave no copy in the file.
 */
export function keepPendingRecoveryCode(db: Db, pending: PendingRecoveryCode): void {
  writeSetting(db, KEY, JSON.stringify(pending));
}

export function pendingRecoveryCode(db: Db): PendingRecoveryCode | null {
  const value = readSetting(db, KEY);
  return value === null ? null : (JSON.parse(value) as PendingRecoveryCode);
}

export function forgetPendingRecoveryCode(db: Db): boolean {
  return db.prepare('DELETE FROM settings WHERE key = ?').run(KEY).changes > 0;
}
