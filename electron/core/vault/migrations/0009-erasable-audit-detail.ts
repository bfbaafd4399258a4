import type { Migration } from './types';

/**
 * What destruction needs beyond migration 0008 (issue 10):
 * - `audit_log.detail_sha256`: entries written from this version on hash the SHA-256 of their detail instead of
 *   the detail itself, so a destroyed client's entries can lose their detail (set to '') while the chain still
 *   verifies. Entries written before keep NULL here and verify as before (docs/vault-format.md, "The audit chain").
 * - `audit_log_by_target`: a destroyed record's entries are found by id without reading the whole log.
 * - `disclosures.client_id` may be NULL: a disclosure that was also about a client who remains stays in the log
 *   and stops naming the destroyed client, counting them in `former_subjects` instead.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'erasable-audit-detail',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN detail_sha256 TEXT CHECK (detail_sha256 IS NULL OR length(detail_sha256) = 64);
      CREATE INDEX audit_log_by_target ON audit_log (target_id) WHERE target_id IS NOT NULL;

      CREATE TABLE disclosures_v9 (
        id TEXT PRIMARY KEY,
        reference_no INTEGER NOT NULL UNIQUE,
        client_id TEXT REFERENCES clients (id),
        disclosed_on TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('attendance-summary', 'other')),
        basis TEXT NOT NULL CHECK (basis IN ('consent', 'court-order', 'coroner', 'safeguarding', 'serious-crime', 'legal-obligation')),
        recipient_organisation TEXT NOT NULL,
        recipient_person TEXT,
        what_released TEXT NOT NULL,
        released_by TEXT NOT NULL REFERENCES users (id),
        authorised_by TEXT NOT NULL REFERENCES users (id),
        client_told TEXT NOT NULL CHECK (client_told IN ('consented', 'told', 'not-told')),
        client_told_on TEXT,
        former_subjects INTEGER NOT NULL DEFAULT 0 CHECK (former_subjects >= 0),
        CHECK ((client_told = 'told') = (client_told_on IS NOT NULL)),
        CHECK (client_id IS NOT NULL OR former_subjects > 0)
      ) STRICT;
      INSERT INTO disclosures_v9 (id, reference_no, client_id, disclosed_on, recorded_at, kind, basis, recipient_organisation,
          recipient_person, what_released, released_by, authorised_by, client_told, client_told_on)
        SELECT id, reference_no, client_id, disclosed_on, recorded_at, kind, basis, recipient_organisation,
          recipient_person, what_released, released_by, authorised_by, client_told, client_told_on FROM disclosures;
      DROP TABLE disclosures;
      ALTER TABLE disclosures_v9 RENAME TO disclosures;
      CREATE INDEX disclosures_by_client ON disclosures (client_id);
    `);
  },
};
