import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/vault/migrate';

describe('migration 0002: cases, sessions and notes with kinds', () => {
  it('keeps every version-1 note as a client note with its subject, and indexes notes and clients for search', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 1);
    db.exec(`
      INSERT INTO users VALUES ('u1', 'Sam', 'sam', 1, 1, 'slot', '2026-01-01T00:00:00.000Z');
      INSERT INTO clients VALUES ('c1', 7, 'Ada Lovelace', 'Ada', '1980-01-01', NULL, NULL, 'active', 'u1', 't', 't');
      INSERT INTO notes VALUES ('n1', 'c1', 'u1', 'final', 'talked about engines', 't1', 't1', 't1');
      INSERT INTO note_subjects VALUES ('n1', 'c1');
    `);
    migrate(db, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT id, kind, client_id, case_id, session_id, body, status FROM notes').all()).toEqual([
      { id: 'n1', kind: 'client', client_id: 'c1', case_id: null, session_id: null, body: 'talked about engines', status: 'final' },
    ]);
    expect(db.prepare('SELECT * FROM note_subjects').all()).toEqual([{ note_id: 'n1', client_id: 'c1' }]);
    expect(db.prepare(`SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'engines'`).all()).toHaveLength(1);
    expect(db.prepare(`SELECT rowid FROM clients_fts WHERE clients_fts MATCH 'lovelace'`).all()).toEqual([{ rowid: 7 }]);
    const columns = (db.prepare('PRAGMA table_info(clients)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).not.toContain('status');
    expect(columns).toContain('gp_practice');
  });

  it('a note must say what it belongs to: a session note without a session is refused', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.exec(`INSERT INTO users VALUES ('u1', 'Sam', 'sam', 1, 1, 'slot', 't');`);
    expect(() =>
      db.exec(`INSERT INTO notes (id, kind, author_id, status, body, created_at, updated_at) VALUES ('n', 'session', 'u1', 'draft', '', 't', 't')`),
    ).toThrow(/CHECK/);
  });
});
