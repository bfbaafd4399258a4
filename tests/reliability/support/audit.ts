import { openVaultDatabaseIndependently } from '../../support/independent-open';

/** The audit log's actions, read straight from the database of a locked vault. */
export async function auditActions(vaultDir: string, passphrase: string): Promise<string[]> {
  const db = await openVaultDatabaseIndependently(vaultDir, passphrase);
  try {
    return (db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as Array<{ action: string }>).map((row) => row.action);
  } finally {
    db.close();
  }
}
