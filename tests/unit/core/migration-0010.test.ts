import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/vault/migrate';

/** The foreign-key checks a destruction makes read by index; before version 10 each read its child table whole. */
const plan = (db: Database.Database, sql: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x') as Array<{ detail: string }>).map((row) => row.detail);

describe('migration 0010: indexes for the deletes a purge makes', () => {
  for (const [version, scans] of [
    [9, true],
    [10, false],
  ] as const) {
    it(`${scans ? 'scans' : 'searches'} the referencing tables at version ${version}`, () => {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      migrate(db, version);
      expect(schemaVersion(db)).toBe(version);
      const steps = [
        ...plan(db, 'DELETE FROM clients WHERE id = ?'),
        ...plan(db, 'DELETE FROM sessions WHERE id = ?'),
        ...plan(db, 'DELETE FROM cases WHERE id = ?'),
        ...plan(db, 'SELECT id FROM clients WHERE therapist_id = ?'),
      ];
      const wholeTable = steps.filter((step) => /^SCAN (note_client_comments|recording_consent_sessions|recording_consents|clients)\b/.test(step));
      expect(wholeTable.length > 0).toBe(scans);
      db.close();
    });
  }
});
