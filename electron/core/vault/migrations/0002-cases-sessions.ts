import type { Migration } from './types';

/** One token per subject of a note (s + client reference number), looked up by the note's id. */
const subjectTokens = (noteId: string) => `ifnull((SELECT group_concat('s' || c.reference_no, ' ')
  FROM note_subjects ns JOIN clients c ON c.id = ns.client_id WHERE ns.note_id = ${noteId}), '')`;

/**
 * The client record: fuller client details, cases with participants, sessions with attendees, notes that
 * belong to a session, a case or a client (their subject sets derived from that), amendments, clients'
 * comments on accuracy, and full-text indexes. Notes are rebuilt to gain their kind and a stable integer
 * key for the search index (implicit rowids may change on VACUUM).
 */
export const migration0002: Migration = {
  version: 2,
  name: 'cases-sessions',
  up(db) {
    db.exec(`
      ALTER TABLE clients DROP COLUMN status;
      ALTER TABLE clients ADD COLUMN address TEXT;
      ALTER TABLE clients ADD COLUMN emergency_contact TEXT;
      ALTER TABLE clients ADD COLUMN gp_practice TEXT;
      ALTER TABLE clients ADD COLUMN interpreter_needed INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_needed IN (0, 1));
      ALTER TABLE clients ADD COLUMN interpreter_language TEXT;
      ALTER TABLE clients ADD COLUMN heard_about TEXT;

      -- Kept apart so they can be destroyed on their own schedule (referrer details when the case closes).
      CREATE TABLE client_referrers (
        client_id TEXT PRIMARY KEY REFERENCES clients (id),
        name TEXT,
        contact TEXT
      ) STRICT;

      -- Exists only when the client's explicit consent to equality monitoring was recorded.
      CREATE TABLE client_equality (
        client_id TEXT PRIMARY KEY REFERENCES clients (id),
        consent_recorded_at TEXT NOT NULL,
        consent_recorded_by TEXT NOT NULL REFERENCES users (id),
        ethnicity TEXT,
        gender TEXT,
        sexual_orientation TEXT,
        disability TEXT,
        religion TEXT
      ) STRICT;

      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        reference_no INTEGER NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('individual', 'couple', 'family')),
        therapist_id TEXT NOT NULL REFERENCES users (id),
        opened_on TEXT NOT NULL,
        closed_on TEXT,
        created_at TEXT NOT NULL,
        CHECK (closed_on IS NULL OR closed_on >= opened_on)
      ) STRICT;
      CREATE INDEX cases_by_therapist ON cases (therapist_id);

      CREATE TABLE case_participants (
        case_id TEXT NOT NULL REFERENCES cases (id),
        client_id TEXT NOT NULL REFERENCES clients (id),
        PRIMARY KEY (case_id, client_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_participants_by_client ON case_participants (client_id);

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        starts_at TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
        modality TEXT NOT NULL CHECK (modality IN ('in-person', 'video', 'phone')),
        status TEXT NOT NULL CHECK (status IN ('attended', 'did-not-attend', 'cancelled-by-client', 'cancelled-by-practice')),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sessions_by_case ON sessions (case_id, starts_at);

      CREATE TABLE session_attendees (
        session_id TEXT NOT NULL REFERENCES sessions (id),
        client_id TEXT NOT NULL REFERENCES clients (id),
        PRIMARY KEY (session_id, client_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX session_attendees_by_client ON session_attendees (client_id);

      CREATE TABLE notes_v2 (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('session', 'case', 'contact', 'client')),
        case_id TEXT REFERENCES cases (id),
        session_id TEXT REFERENCES sessions (id),
        client_id TEXT REFERENCES clients (id),
        author_id TEXT NOT NULL REFERENCES users (id),
        status TEXT NOT NULL CHECK (status IN ('draft', 'final')),
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finalised_at TEXT,
        CHECK ((status = 'final') = (finalised_at IS NOT NULL)),
        CHECK ((kind = 'session') = (session_id IS NOT NULL)),
        CHECK ((kind IN ('session', 'case')) = (case_id IS NOT NULL)),
        CHECK ((kind IN ('client', 'contact')) = (client_id IS NOT NULL))
      ) STRICT;
      INSERT INTO notes_v2 (id, kind, case_id, session_id, client_id, author_id, status, body, created_at, updated_at, finalised_at)
        SELECT id, 'client', NULL, NULL, client_id, author_id, status, body, created_at, updated_at, finalised_at
        FROM notes ORDER BY created_at, id;
      DROP TABLE notes;
      ALTER TABLE notes_v2 RENAME TO notes;
      CREATE INDEX notes_by_case ON notes (case_id);
      CREATE INDEX notes_by_session ON notes (session_id);
      CREATE INDEX notes_by_client ON notes (client_id);

      CREATE TABLE note_amendments (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        note_id TEXT NOT NULL REFERENCES notes (id),
        author_id TEXT NOT NULL REFERENCES users (id),
        body TEXT NOT NULL,
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX note_amendments_by_note ON note_amendments (note_id, seq);

      CREATE TABLE note_client_comments (
        id TEXT PRIMARY KEY,
        note_id TEXT NOT NULL REFERENCES notes (id),
        client_id TEXT NOT NULL REFERENCES clients (id),
        comment TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX note_client_comments_by_note ON note_client_comments (note_id);

      -- Full-text indexes inside the encrypted database. Each row's rowid is its record's stable integer
      -- key; secure-delete removes deleted text from the index itself, not only from its lookups. The
      -- subjects column holds one token per subject (s + client reference number), so a search inside one
      -- client's file is an index intersection, not a scan.
      CREATE VIRTUAL TABLE notes_fts USING fts5 (text, subjects, tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO notes_fts (notes_fts, rank) VALUES ('secure-delete', 1);
      CREATE VIRTUAL TABLE note_amendments_fts USING fts5 (text, subjects, tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO note_amendments_fts (note_amendments_fts, rank) VALUES ('secure-delete', 1);
      CREATE VIRTUAL TABLE clients_fts USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO clients_fts (clients_fts, rank) VALUES ('secure-delete', 1);

      INSERT INTO notes_fts (rowid, text, subjects)
        SELECT n.seq, n.body, ${subjectTokens('n.id')} FROM notes n;
      INSERT INTO clients_fts (rowid, text)
        SELECT reference_no, concat_ws(' ', name, preferred_name, printf('C-%04d', reference_no), email, phone) FROM clients;

      -- The services write a note's subjects before the note (foreign keys deferred), so the index row is
      -- written once, complete; the subjects trigger only acts on subjects added to an existing note.
      CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
        INSERT INTO notes_fts (rowid, text, subjects) VALUES (new.seq, new.body, ${subjectTokens('new.id')});
      END;
      CREATE TRIGGER notes_fts_update AFTER UPDATE OF body ON notes BEGIN
        DELETE FROM notes_fts WHERE rowid = old.seq;
        INSERT INTO notes_fts (rowid, text, subjects)
          VALUES (new.seq, new.body, ${subjectTokens('new.id')});
      END;
      CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
        DELETE FROM notes_fts WHERE rowid = old.seq;
      END;
      CREATE TRIGGER note_subjects_fts_insert AFTER INSERT ON note_subjects
      WHEN EXISTS (SELECT 1 FROM notes WHERE id = new.note_id) BEGIN
        DELETE FROM notes_fts WHERE rowid = (SELECT seq FROM notes WHERE id = new.note_id);
        INSERT INTO notes_fts (rowid, text, subjects)
          SELECT n.seq, n.body, ${subjectTokens('n.id')} FROM notes n WHERE n.id = new.note_id;
      END;
      CREATE TRIGGER note_amendments_fts_insert AFTER INSERT ON note_amendments BEGIN
        INSERT INTO note_amendments_fts (rowid, text, subjects)
          VALUES (new.seq, new.body, ${subjectTokens('new.note_id')});
      END;
      CREATE TRIGGER note_amendments_fts_delete AFTER DELETE ON note_amendments BEGIN
        DELETE FROM note_amendments_fts WHERE rowid = old.seq;
      END;
      CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients BEGIN
        INSERT INTO clients_fts (rowid, text)
        VALUES (new.reference_no, concat_ws(' ', new.name, new.preferred_name, printf('C-%04d', new.reference_no), new.email, new.phone));
      END;
      CREATE TRIGGER clients_fts_update AFTER UPDATE ON clients BEGIN
        DELETE FROM clients_fts WHERE rowid = old.reference_no;
        INSERT INTO clients_fts (rowid, text)
        VALUES (new.reference_no, concat_ws(' ', new.name, new.preferred_name, printf('C-%04d', new.reference_no), new.email, new.phone));
      END;
      CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients BEGIN
        DELETE FROM clients_fts WHERE rowid = old.reference_no;
      END;
    `);
  },
};
