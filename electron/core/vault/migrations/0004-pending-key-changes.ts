import type { Migration } from './types';

/**
 * A change to vault.keys is first recorded here, then written to vault.keys, then audited and removed
 * from here in one transaction. A change found here at the next unlock is audited if it reached
 * vault.keys and undone otherwise, so a key change is never left half-made or unaudited.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'pending-key-changes',
  up(db) {
    db.exec(`
      CREATE TABLE pending_key_changes (
        slot_id TEXT PRIMARY KEY,
        wrap_digest TEXT NOT NULL,
        action TEXT NOT NULL,
        actor_id TEXT REFERENCES users(id),
        target_id TEXT,
        new_user_id TEXT REFERENCES users(id),
        recorded_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
