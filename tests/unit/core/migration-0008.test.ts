import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/vault/migrate';
import { migrations } from '../../../electron/core/vault/migrations';
import { migration0008 } from '../../../electron/core/vault/migrations/0008-retention';

const previous = migrations[migrations.indexOf(migration0008) - 1]!.version;

function atPreviousVersion() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, previous);
  db.exec(`
    INSERT INTO users VALUES ('u1', 'Sam', 'sam', 1, 1, 'slot', 't');
    INSERT INTO clients (id, reference_no, name, therapist_id, created_at, updated_at) VALUES ('c1', 1, 'Alex', 'u1', 't', 't');
    INSERT INTO clients (id, reference_no, name, therapist_id, created_at, updated_at) VALUES ('c7', 7, 'Blake', 'u1', 't', 't');
    INSERT INTO cases (id, reference_no, kind, therapist_id, opened_on, closed_on, created_at) VALUES ('k1', 3, 'couple', 'u1', '2016-01-01', '2017-01-01', 't');
    INSERT INTO sessions (id, case_id, starts_at, duration_minutes, modality, status, created_at) VALUES ('s1', 'k1', '2016-02-01T10:00', 50, 'video', 'attended', 't');`);
  return db;
}

describe('migration 0008: retention', () => {
  it('keeps earlier data, starts the reference counters at the highest numbers given out, and adds STRICT tables', () => {
    const db = atPreviousVersion();
    migrate(db, migration0008.version);
    expect(schemaVersion(db)).toBe(migration0008.version);
    expect(db.prepare('SELECT name FROM clients ORDER BY reference_no').pluck().all()).toEqual(['Alex', 'Blake']);
    expect(db.prepare('SELECT kind, last_no FROM reference_counters ORDER BY kind').all()).toEqual([
      { kind: 'case', last_no: 3 },
      { kind: 'client', last_no: 7 },
    ]);
    expect(db.prepare('SELECT former_participants FROM cases').pluck().get()).toBe(0);
    for (const table of ['legal_holds', 'entered_in_error', 'destruction_runs', 'destruction_register', 'reference_counters']) {
      const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck().get(table) as string;
      expect(sql, table).toMatch(/\)\s*STRICT/);
    }
  });

  it('a hold is on a client or a case (one of them), of a known kind, and released with who and when together', () => {
    const db = atPreviousVersion();
    migrate(db, migration0008.version);
    const hold = db.prepare(`INSERT INTO legal_holds (id, client_id, case_id, kind, reference, placed_by, placed_at, released_by, released_at)
      VALUES (?, ?, ?, ?, 'ref', 'u1', 't', ?, ?)`);
    hold.run('h1', 'c1', null, 'court', null, null);
    hold.run('h2', null, 'k1', 'coroner', 'u1', 't2');
    expect(() => hold.run('h3', 'c1', 'k1', 'court', null, null)).toThrow(/CHECK/);
    expect(() => hold.run('h4', null, null, 'court', null, null)).toThrow(/CHECK/);
    expect(() => hold.run('h5', 'c1', null, 'gossip', null, null)).toThrow(/CHECK/);
    expect(() => hold.run('h6', 'c1', null, 'court', 'u1', null)).toThrow(/CHECK/);
    expect(() => hold.run('h7', 'nobody', null, 'court', null, null)).toThrow(/FOREIGN KEY/);
  });

  it('a record entered in error is one client or one session, marked once', () => {
    const db = atPreviousVersion();
    migrate(db, migration0008.version);
    const mark = db.prepare(`INSERT INTO entered_in_error (id, client_id, session_id, reason, marked_by, marked_at, marked_on)
      VALUES (?, ?, ?, 'duplicate', 'u1', 't', '2026-11-25')`);
    mark.run('e1', 'c7', null);
    mark.run('e2', null, 's1');
    expect(() => mark.run('e3', 'c7', null)).toThrow(/UNIQUE/);
    expect(() => mark.run('e4', 'c1', 's1')).toThrow(/CHECK/);
    expect(() => mark.run('e5', null, null)).toThrow(/CHECK/);
  });
});
