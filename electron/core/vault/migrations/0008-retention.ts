import type { Migration } from './types';

/**
 * Retention and destruction (issue 10).
 * - `legal_holds`: a hold (court, coroner, complaint, investigation) on a client or a case stops destruction
 *   until it is released.
 * - `destruction_runs` and `destruction_register`: every destruction, by run, with reference codes, dates and
 *   counts only — nothing that identifies anyone. `record_id` is the destroyed record's random id, kept so a
 *   restored backup can have the destruction applied again.
 * - `reference_counters`: client and case reference numbers are never given out twice, so a reference in the
 *   register can never come to mean a later client.
 * - `former_*` counts: a joint record keeps, in place of a destroyed subject, only how many there were, so it
 *   can say "and a former client" without naming them.
 * - `entered_in_error`: a client or session a director marked as entered in error (a duplicate client, a
 *   session recorded on the wrong client), with the reason, so it is destroyed early through the same run and
 *   register. The row goes with what it marks.
 *
 */
export const migration0008: Migration = {
  version: 8,
  name: 'retention',
  up(db) {
    db.exec(`
      CREATE TABLE legal_holds (
        id TEXT PRIMARY KEY,
        client_id TEXT REFERENCES clients (id),
        case_id TEXT REFERENCES cases (id),
        kind TEXT NOT NULL CHECK (kind IN ('court', 'coroner', 'complaint', 'investigation')),
        reference TEXT NOT NULL,
        placed_by TEXT NOT NULL REFERENCES users (id),
        placed_at TEXT NOT NULL,
        released_by TEXT REFERENCES users (id),
        released_at TEXT,
        CHECK ((client_id IS NULL) <> (case_id IS NULL)),
        CHECK ((released_by IS NULL) = (released_at IS NULL))
      ) STRICT;
      CREATE INDEX legal_holds_by_client ON legal_holds (client_id);
      CREATE INDEX legal_holds_by_case ON legal_holds (case_id);

      CREATE TABLE entered_in_error (
        id TEXT PRIMARY KEY,
        client_id TEXT UNIQUE REFERENCES clients (id),
        session_id TEXT UNIQUE REFERENCES sessions (id),
        reason TEXT NOT NULL,
        marked_by TEXT NOT NULL REFERENCES users (id),
        marked_at TEXT NOT NULL,
        marked_on TEXT NOT NULL,
        CHECK ((client_id IS NULL) <> (session_id IS NULL))
      ) STRICT;

      CREATE TABLE destruction_runs (
        id TEXT PRIMARY KEY,
        run_no INTEGER NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('purge', 'entered-in-error')),
        authorised_by TEXT NOT NULL REFERENCES users (id),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        -- The retention rules in force (JSON), for the certificate's list of rules applied.
        rules TEXT NOT NULL,
        planned INTEGER NOT NULL CHECK (planned >= 0),
        certificate_sha256 TEXT
      ) STRICT;

      CREATE TABLE destruction_register (
        seq INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES destruction_runs (id),
        destroyed_at TEXT NOT NULL,
        what TEXT NOT NULL CHECK (what IN ('client', 'session', 'referrer', 'equality-monitoring', 'recording')),
        record_id TEXT NOT NULL,
        reference TEXT NOT NULL,
        rule TEXT NOT NULL,
        related_reference TEXT,
        first_on TEXT,
        last_on TEXT,
        records INTEGER NOT NULL CHECK (records >= 0),
        sessions INTEGER NOT NULL CHECK (sessions >= 0),
        notes INTEGER NOT NULL CHECK (notes >= 0),
        recordings INTEGER NOT NULL CHECK (recordings >= 0),
        joint_kept INTEGER NOT NULL CHECK (joint_kept >= 0)
      ) STRICT;
      CREATE INDEX destruction_register_by_run ON destruction_register (run_id, seq);

      CREATE TABLE reference_counters (
        kind TEXT PRIMARY KEY CHECK (kind IN ('client', 'case')),
        last_no INTEGER NOT NULL CHECK (last_no >= 0)
      ) STRICT;
      INSERT INTO reference_counters (kind, last_no)
        VALUES ('client', (SELECT ifnull(max(reference_no), 0) FROM clients)), ('case', (SELECT ifnull(max(reference_no), 0) FROM cases));

      ALTER TABLE notes ADD COLUMN former_subjects INTEGER NOT NULL DEFAULT 0 CHECK (former_subjects >= 0);
      ALTER TABLE sessions ADD COLUMN former_attendees INTEGER NOT NULL DEFAULT 0 CHECK (former_attendees >= 0);
      ALTER TABLE session_corrections ADD COLUMN former_attendees INTEGER NOT NULL DEFAULT 0 CHECK (former_attendees >= 0);
      ALTER TABLE cases ADD COLUMN former_participants INTEGER NOT NULL DEFAULT 0 CHECK (former_participants >= 0);
    `);
  },
};
