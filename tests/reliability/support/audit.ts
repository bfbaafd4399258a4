import { openVaultDatabaseIndependently } from '../../support/independent-open';

/**
 * The audit log's actions, read straight from the database of a locked vault. A refused or failed call is
 * entered as an attempt and listed with its outcome: "user.create (refused)".
 */
export async function auditActions(vaultDir: string, passphrase: string): Promise<string[]> {
  const db = await openVaultDatabaseIndependently(vaultDir, passphrase);
  try {
    const rows = db.prepare(`SELECT action, json_extract(detail, '$.outcome') AS outcome FROM audit_log ORDER BY seq`).all() as Array<{
      action: string;
      outcome: string | null;
    }>;
    return rows.map((row) => (row.outcome === null ? row.action : `${row.action} (${row.outcome})`));
  } finally {
    db.close();
  }
}
