import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/vault/migrate';

function atVersion(version: number) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  db.exec(`INSERT INTO users VALUES ('u1', 'Sam', 'sam', 1, 1, 'slot', 't');`);
  return db;
}

describe('migration 0004: pending key changes', () => {
  it('keeps version-3 users and adds the table a key change is recorded in before vault.keys is written', () => {
    const db = atVersion(3);
    migrate(db, 4);
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT id FROM users').all()).toEqual([{ id: 'u1' }]);
    db.prepare(`INSERT INTO pending_key_changes VALUES ('slot', 'digest', 'vault.passphrase.change', 'u1', NULL, NULL, 't')`).run();
    expect(() => db.prepare(`INSERT INTO pending_key_changes VALUES ('slot2', 'd', 'a', 'nobody', NULL, NULL, 't')`).run()).toThrow(/FOREIGN KEY/);
  });
});

describe('migration 0005: files (the keys of encrypted files)', () => {
  it('keeps version-4 data and holds one 32-byte key per file, made by a user', () => {
    const db = atVersion(4);
    migrate(db, 5);
    expect(schemaVersion(db)).toBe(5);
    const insert = db.prepare('INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)');
    insert.run('f'.repeat(32), Buffer.alloc(32, 1), 10, 'audio/wav', 'recording', 'u1', 't');
    expect(() => insert.run('e'.repeat(32), Buffer.alloc(16), 10, 'audio/wav', 'recording', 'u1', 't')).toThrow(/CHECK/);
    expect(() => insert.run('d'.repeat(32), Buffer.alloc(32), 10, 'text/plain', 'note', 'u1', 't')).toThrow(/CHECK/);
    expect(() => insert.run('c'.repeat(32), Buffer.alloc(32), 10, 'audio/wav', 'scan', 'nobody', 't')).toThrow(/FOREIGN KEY/);
  });
});
