import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/vault/migrate';

function versionTwoWithASession() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 2);
  db.exec(`
    INSERT INTO users VALUES ('u1', 'Sam', 'sam', 1, 1, 'slot', 't');
    INSERT INTO clients (id, reference_no, name, therapist_id, created_at, updated_at) VALUES
      ('c1', 7, 'Alex', 'u1', 't', 't'), ('c2', 8, 'Blake', 'u1', 't', 't');
    INSERT INTO cases VALUES ('k1', 1, 'couple', 'u1', '2026-01-01', NULL, 't');
    INSERT INTO case_participants VALUES ('k1', 'c1'), ('k1', 'c2');
    INSERT INTO sessions VALUES ('s1', 'k1', '2026-01-08T10:00', 50, 'video', 'attended', 't');
    INSERT INTO session_attendees VALUES ('s1', 'c1'), ('s1', 'c2');
    INSERT INTO notes (id, kind, case_id, session_id, author_id, status, body, created_at, updated_at, finalised_at)
      VALUES ('n1', 'session', 'k1', 's1', 'u1', 'final', 'spoke of harbours', 't', 't', 't');
    INSERT INTO note_subjects VALUES ('n1', 'c1'), ('n1', 'c2');
    INSERT INTO note_amendments (id, note_id, author_id, body, reason, created_at) VALUES ('a1', 'n1', 'u1', 'spoke of lighthouses', 'r', 't');
  `);
  return db;
}

const findsInFile = (db: Database.Database, table: 'notes_fts' | 'note_amendments_fts', word: string, token: string) =>
  db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ?`).all(`text : ${word} AND subjects : ${token}`).length;

describe('migration 0003: session history, booked sessions, subjects that can change', () => {
  it('keeps every session, its attendees and its notes, and lets a session be booked', () => {
    const db = versionTwoWithASession();
    migrate(db, 3);
    expect(schemaVersion(db)).toBe(3);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT * FROM sessions').all()).toEqual([
      { id: 's1', case_id: 'k1', starts_at: '2026-01-08T10:00', duration_minutes: 50, modality: 'video', status: 'attended', created_at: 't' },
    ]);
    expect(db.prepare('SELECT client_id FROM session_attendees ORDER BY client_id').all()).toEqual([{ client_id: 'c1' }, { client_id: 'c2' }]);
    expect(db.prepare('SELECT session_id FROM notes').all()).toEqual([{ session_id: 's1' }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.exec(`INSERT INTO sessions VALUES ('s2', 'k1', '2026-12-01T10:00', 50, 'phone', 'booked', 't')`);
    expect(() => db.exec(`INSERT INTO sessions VALUES ('s3', 'k1', '2026-12-01T10:00', 50, 'phone', 'maybe', 't')`)).toThrow(/CHECK/);
  });

  it('keeps corrections with the attendees they replaced, referring to real sessions and clients', () => {
    const db = versionTwoWithASession();
    migrate(db, 3);
    db.exec(`
      INSERT INTO session_corrections (id, session_id, corrected_at, corrected_by, reason, starts_at, duration_minutes, modality, status)
        VALUES ('h1', 's1', 't2', 'u1', NULL, '2026-01-07T10:00', 50, 'video', 'attended');
      INSERT INTO session_correction_attendees VALUES ('h1', 'c1');
    `);
    expect(db.prepare('SELECT client_id FROM session_correction_attendees').all()).toEqual([{ client_id: 'c1' }]);
    expect(() => db.exec(`INSERT INTO session_correction_attendees VALUES ('h1', 'nobody')`)).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.exec(`INSERT INTO session_corrections (id, session_id, corrected_at, corrected_by, starts_at, duration_minutes, modality, status)
               VALUES ('h2', 'gone', 't', 'u1', 'x', 50, 'video', 'attended')`),
    ).toThrow(/FOREIGN KEY/);
  });

  it('re-indexes a note and its amendments when a subject is removed or added', () => {
    const db = versionTwoWithASession();
    migrate(db, 3);
    expect(findsInFile(db, 'notes_fts', 'harbours', 's8')).toBe(1);
    expect(findsInFile(db, 'note_amendments_fts', 'lighthouses', 's8')).toBe(1);
    db.exec(`DELETE FROM note_subjects WHERE note_id = 'n1' AND client_id = 'c2'`);
    expect(findsInFile(db, 'notes_fts', 'harbours', 's8')).toBe(0);
    expect(findsInFile(db, 'note_amendments_fts', 'lighthouses', 's8')).toBe(0);
    expect(findsInFile(db, 'notes_fts', 'harbours', 's7')).toBe(1);
    expect(findsInFile(db, 'note_amendments_fts', 'lighthouses', 's7')).toBe(1);
    db.exec(`INSERT INTO note_subjects VALUES ('n1', 'c2')`);
    expect(findsInFile(db, 'note_amendments_fts', 'lighthouses', 's8')).toBe(1);
    expect(db.prepare('SELECT count(*) AS n FROM notes_fts').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM note_amendments_fts').get()).toEqual({ n: 1 });
  });
});
