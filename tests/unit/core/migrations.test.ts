import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/vault/migrate';
import { migrations } from '../../../electron/core/vault/migrations';

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_m, i) => i + 1));
  });

  it('0001 creates STRICT tables, with foreign keys enforced', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 1);
    expect(schemaVersion(db)).toBe(1);
    const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string; sql: string }>;
    expect(tables.map((t) => t.name).sort()).toEqual(['audit_log', 'clients', 'note_subjects', 'notes', 'settings', 'users']);
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT/);
    expect(() => db.prepare(`INSERT INTO notes VALUES ('n', 'no-client', 'no-user', 'draft', '', 't', 't', NULL)`).run()).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => db.prepare(`INSERT INTO settings VALUES ('k', X'00')`).run()).toThrow(/cannot store BLOB/);
  });

  it('a final note must carry its finalisation time', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.exec(`INSERT INTO users VALUES ('u', 'U', 'u', 1, 1, 's', 't');
             INSERT INTO clients VALUES ('c', 1, 'C', NULL, NULL, NULL, NULL, 'active', 'u', 't', 't');`);
    expect(() => db.exec(`INSERT INTO notes VALUES ('n', 'c', 'u', 'final', 'b', 't', 't', NULL)`)).toThrow(/CHECK/);
  });

  it('refuses a vault from a newer Confide rather than guessing', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${migrations.length + 1}`);
    expect(() => migrate(db)).toThrow(/newer version of Confide/);
  });
});
