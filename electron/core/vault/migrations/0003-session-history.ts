import type { Migration } from './types';

/** One token per subject of a note (s + client reference number), as migration 0002 indexes them. */
const subjectTokens = (noteId: string) => `ifnull((SELECT group_concat('s' || c.reference_no, ' ')
  FROM note_subjects ns JOIN clients c ON c.id = ns.client_id WHERE ns.note_id = ${noteId}), '')`;

/** Re-indexes one note and its amendments with the note's subjects as they now stand. */
const reindexNote = (noteId: string) => `
  DELETE FROM notes_fts WHERE rowid = (SELECT seq FROM notes WHERE id = ${noteId});
  INSERT INTO notes_fts (rowid, text, subjects)
    SELECT n.seq, n.body, ${subjectTokens('n.id')} FROM notes n WHERE n.id = ${noteId};
  DELETE FROM note_amendments_fts WHERE rowid IN (SELECT seq FROM note_amendments WHERE note_id = ${noteId});
  INSERT INTO note_amendments_fts (rowid, text, subjects)
    SELECT a.seq, a.body, ${subjectTokens('a.note_id')} FROM note_amendments a WHERE a.note_id = ${noteId};`;

/**
 * Sessions can be corrected, and booked ahead.
 * - `session_corrections` keeps what each correction replaced (time, duration, modality, attendance, and
 *   who attended, in `session_correction_attendees`), so the record's history is never lost.
 * - Sessions gain the status "booked" (a session ahead of its time), so the table is rebuilt for its CHECK.
 * - A note's subjects can now change after it is written (a session's attendance corrected), so the search
 *   index is re-derived when subjects are removed as well as added, amendments included.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'session-history',
  up(db) {
    db.exec(`
      CREATE TABLE sessions_v3 (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        starts_at TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
        modality TEXT NOT NULL CHECK (modality IN ('in-person', 'video', 'phone')),
        status TEXT NOT NULL
          CHECK (status IN ('booked', 'attended', 'did-not-attend', 'cancelled-by-client', 'cancelled-by-practice')),
        created_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO sessions_v3 (id, case_id, starts_at, duration_minutes, modality, status, created_at)
        SELECT id, case_id, starts_at, duration_minutes, modality, status, created_at FROM sessions;
      DROP TABLE sessions;
      ALTER TABLE sessions_v3 RENAME TO sessions;
      CREATE INDEX sessions_by_case ON sessions (case_id, starts_at);

      CREATE TABLE session_corrections (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        session_id TEXT NOT NULL REFERENCES sessions (id),
        corrected_at TEXT NOT NULL,
        corrected_by TEXT NOT NULL REFERENCES users (id),
        reason TEXT,
        -- The session as it stood before this correction.
        starts_at TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
        modality TEXT NOT NULL CHECK (modality IN ('in-person', 'video', 'phone')),
        status TEXT NOT NULL
          CHECK (status IN ('booked', 'attended', 'did-not-attend', 'cancelled-by-client', 'cancelled-by-practice'))
      ) STRICT;
      CREATE INDEX session_corrections_by_session ON session_corrections (session_id, seq);

      -- Links, not a list of ids in a column, so a client's destruction finds every row that names them.
      CREATE TABLE session_correction_attendees (
        correction_id TEXT NOT NULL REFERENCES session_corrections (id),
        client_id TEXT NOT NULL REFERENCES clients (id),
        PRIMARY KEY (correction_id, client_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX session_correction_attendees_by_client ON session_correction_attendees (client_id);

      DROP TRIGGER note_subjects_fts_insert;
      CREATE TRIGGER note_subjects_fts_insert AFTER INSERT ON note_subjects
      WHEN EXISTS (SELECT 1 FROM notes WHERE id = new.note_id) BEGIN
        ${reindexNote('new.note_id')}
      END;
      CREATE TRIGGER note_subjects_fts_delete AFTER DELETE ON note_subjects
      WHEN EXISTS (SELECT 1 FROM notes WHERE id = old.note_id) BEGIN
        ${reindexNote('old.note_id')}
      END;
    `);
  },
};
