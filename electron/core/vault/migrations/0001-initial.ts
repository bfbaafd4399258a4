import type { Migration } from './types';

/** Users, settings, clients, notes with their subject sets, and the audit chain. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        is_director INTEGER NOT NULL CHECK (is_director IN (0, 1)),
        is_therapist INTEGER NOT NULL CHECK (is_therapist IN (0, 1)),
        key_slot_id TEXT UNIQUE,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE clients (
        id TEXT PRIMARY KEY,
        reference_no INTEGER NOT NULL UNIQUE,
        name TEXT NOT NULL,
        preferred_name TEXT,
        date_of_birth TEXT,
        phone TEXT,
        email TEXT,
        status TEXT NOT NULL CHECK (status IN ('active', 'closed')),
        therapist_id TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        author_id TEXT NOT NULL REFERENCES users (id),
        status TEXT NOT NULL CHECK (status IN ('draft', 'final')),
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finalised_at TEXT,
        CHECK ((status = 'final') = (finalised_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX notes_by_client ON notes (client_id, created_at);

      -- The clients a record is about (DESIGN.md 1.2). Derived by the services, never typed by hand.
      CREATE TABLE note_subjects (
        note_id TEXT NOT NULL REFERENCES notes (id),
        client_id TEXT NOT NULL REFERENCES clients (id),
        PRIMARY KEY (note_id, client_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX note_subjects_by_client ON note_subjects (client_id);

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id TEXT,
        action TEXT NOT NULL,
        target_id TEXT,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
    `);
  },
};
