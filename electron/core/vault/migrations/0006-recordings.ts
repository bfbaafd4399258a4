import type { Migration } from './types';

/**
 * Recording consents and recordings (issue 9). A consent names one client; what it covers is a case (every
 * session of it, later ones included) or listed sessions of it. A recording keeps, per subject, the consent
 * relied on; its file is a row of `files` until destruction, when `file_id` becomes NULL and the key row goes.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'recordings',
  up(db) {
    db.exec(`
      CREATE TABLE recording_consents (
        id TEXT PRIMARY KEY,
        reference_no INTEGER NOT NULL UNIQUE CHECK (reference_no > 0),
        client_id TEXT NOT NULL REFERENCES clients (id),
        case_id TEXT NOT NULL REFERENCES cases (id),
        whole_case INTEGER NOT NULL CHECK (whole_case IN (0, 1)),
        other_use TEXT,
        viewers TEXT NOT NULL,
        storage TEXT NOT NULL,
        destruction_method TEXT NOT NULL,
        destroy_by TEXT NOT NULL,
        signed_on TEXT NOT NULL,
        expires_on TEXT CHECK (expires_on IS NULL OR expires_on >= signed_on),
        scan_file_id TEXT UNIQUE REFERENCES files (id),
        withdrawn_on TEXT CHECK (withdrawn_on IS NULL OR withdrawn_on >= signed_on),
        withdrawal_recorded_by TEXT REFERENCES users (id),
        withdrawal_recorded_at TEXT,
        recorded_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        CHECK (destroy_by >= signed_on),
        CHECK ((withdrawn_on IS NULL) = (withdrawal_recorded_by IS NULL) AND (withdrawn_on IS NULL) = (withdrawal_recorded_at IS NULL))
      ) STRICT;
      CREATE INDEX recording_consents_client ON recording_consents (client_id);

      CREATE TABLE recording_consent_purposes (
        consent_id TEXT NOT NULL REFERENCES recording_consents (id),
        purpose TEXT NOT NULL CHECK (purpose IN ('supervision', 'training', 'research', 'other')),
        PRIMARY KEY (consent_id, purpose)
      ) STRICT;

      CREATE TABLE recording_consent_sessions (
        consent_id TEXT NOT NULL REFERENCES recording_consents (id),
        session_id TEXT NOT NULL REFERENCES sessions (id),
        PRIMARY KEY (consent_id, session_id)
      ) STRICT;

      CREATE TABLE recordings (
        id TEXT PRIMARY KEY,
        reference_no INTEGER NOT NULL UNIQUE CHECK (reference_no > 0),
        session_id TEXT NOT NULL REFERENCES sessions (id),
        file_id TEXT UNIQUE REFERENCES files (id),
        destroy_by TEXT NOT NULL,
        attached_by TEXT NOT NULL REFERENCES users (id),
        attached_at TEXT NOT NULL,
        destroyed_at TEXT,
        destroyed_because TEXT CHECK (destroyed_because IN ('consent-withdrawn')),
        CHECK ((file_id IS NULL) = (destroyed_at IS NOT NULL)),
        CHECK ((destroyed_at IS NULL) = (destroyed_because IS NULL))
      ) STRICT;
      CREATE INDEX recordings_session ON recordings (session_id);

      CREATE TABLE recording_purposes (
        recording_id TEXT NOT NULL REFERENCES recordings (id),
        purpose TEXT NOT NULL CHECK (purpose IN ('supervision', 'training', 'research', 'other')),
        PRIMARY KEY (recording_id, purpose)
      ) STRICT;

      CREATE TABLE recording_subjects (
        recording_id TEXT NOT NULL REFERENCES recordings (id),
        client_id TEXT NOT NULL REFERENCES clients (id),
        consent_id TEXT NOT NULL REFERENCES recording_consents (id),
        PRIMARY KEY (recording_id, client_id)
      ) STRICT;
      CREATE INDEX recording_subjects_client ON recording_subjects (client_id);
      CREATE INDEX recording_subjects_consent ON recording_subjects (consent_id);
    `);
  },
};
