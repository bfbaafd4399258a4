import { openVaultDatabaseIndependently } from './independent-open';
import { PASSPHRASE, type TestDoor } from './vault-fixture';

/**
 * Every table's rows except the audit log and the search index's own tables: what "nothing written" means
 * now that a refused call is itself entered in the log as an attempt. Read by the documented route, so the
 * vault must be locked.
 */
export async function recordTables(vaultDir: string, passphrase = PASSPHRASE): Promise<string> {
  const db = await openVaultDatabaseIndependently(vaultDir, passphrase);
  try {
    const names = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' AND name <> 'audit_log' ORDER BY name`)
      .pluck()
      .all() as string[];
    return names.map((name) => `${name}:${JSON.stringify(db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all())}`).join('\n');
  } finally {
    db.close();
  }
}

/** The record tables of an open vault: locks it, reads them, and unlocks it again as `unlockAs`. */
export async function recordTablesOf(door: TestDoor, vaultDir: string, unlockAs: { name?: string; passphrase: string }): Promise<string> {
  await door.call('vault.lock', {});
  try {
    return await recordTables(vaultDir);
  } finally {
    await door.call('vault.unlock', { passphrase: unlockAs.passphrase, ...(unlockAs.name ? { userName: unlockAs.name } : {}) });
  }
}
