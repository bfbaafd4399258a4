import type { Migration } from './types';

/**
 * Written consents to release information (DESIGN.md §1.3) and the disclosure log (§1.7). A disclosure is one
 * release to one recipient on one basis; what it relied on, whom it was about, its figures and its files are
 * in tables of their own, so later kinds of disclosure (safeguarding, court orders) add rows, not columns.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'release-consents-and-disclosures',
  up(db) {
    db.exec(`
      CREATE TABLE release_consents (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        recipient_organisation TEXT NOT NULL,
        recipient_person TEXT,
        purpose TEXT NOT NULL,
        releases TEXT NOT NULL CHECK (releases IN ('attendance', 'attendance-and-missed')),
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        signed_on TEXT NOT NULL,
        expires_on TEXT NOT NULL,
        scan_file_id TEXT UNIQUE REFERENCES files (id),
        recorded_by TEXT NOT NULL REFERENCES users (id),
        recorded_at TEXT NOT NULL,
        withdrawn_on TEXT,
        withdrawal_recorded_by TEXT REFERENCES users (id),
        withdrawal_recorded_at TEXT,
        CHECK (period_to >= period_from),
        CHECK (expires_on >= signed_on),
        CHECK ((withdrawn_on IS NULL) = (withdrawal_recorded_by IS NULL)),
        CHECK ((withdrawn_on IS NULL) = (withdrawal_recorded_at IS NULL)),
        CHECK (withdrawn_on IS NULL OR withdrawn_on >= signed_on)
      ) STRICT;
      CREATE INDEX release_consents_by_client ON release_consents (client_id);

      CREATE TABLE disclosures (
        id TEXT PRIMARY KEY,
        reference_no INTEGER NOT NULL UNIQUE,
        client_id TEXT NOT NULL REFERENCES clients (id),
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
        CHECK ((client_told = 'told') = (client_told_on IS NOT NULL))
      ) STRICT;
      CREATE INDEX disclosures_by_client ON disclosures (client_id);

      -- Every client whose information left: the client, and the other attendees of joint sessions counted.
      CREATE TABLE disclosure_subjects (
        disclosure_id TEXT NOT NULL REFERENCES disclosures (id),
        client_id TEXT NOT NULL REFERENCES clients (id),
        PRIMARY KEY (disclosure_id, client_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX disclosure_subjects_by_client ON disclosure_subjects (client_id);

      -- The written consents a release relied on.
      CREATE TABLE disclosure_consents (
        disclosure_id TEXT NOT NULL REFERENCES disclosures (id),
        consent_id TEXT NOT NULL REFERENCES release_consents (id),
        PRIMARY KEY (disclosure_id, consent_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX disclosure_consents_by_consent ON disclosure_consents (consent_id);

      -- An attendance summary's figures; the dates themselves are in the files, whose digests are kept.
      CREATE TABLE disclosure_attendance (
        disclosure_id TEXT PRIMARY KEY REFERENCES disclosures (id),
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        sessions_attended INTEGER NOT NULL CHECK (sessions_attended >= 0),
        did_not_attend INTEGER CHECK (did_not_attend >= 0),
        cancelled INTEGER CHECK (cancelled >= 0),
        individual_sessions_only INTEGER NOT NULL CHECK (individual_sessions_only IN (0, 1)),
        includes_name INTEGER NOT NULL CHECK (includes_name IN (0, 1)),
        includes_date_of_birth INTEGER NOT NULL CHECK (includes_date_of_birth IN (0, 1)),
        CHECK (period_to >= period_from)
      ) STRICT;

      -- Each file a release produced, by name (never the client's), with its size and SHA-256.
      CREATE TABLE disclosure_files (
        disclosure_id TEXT NOT NULL REFERENCES disclosures (id),
        name TEXT NOT NULL,
        bytes INTEGER NOT NULL CHECK (bytes > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        PRIMARY KEY (disclosure_id, name)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
