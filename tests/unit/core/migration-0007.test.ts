import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/vault/migrate';
import { migrations } from '../../../electron/core/vault/migrations';
import { migration0007 } from '../../../electron/core/vault/migrations/0007-release-consents-and-disclosures';

// The version before this one, whatever it is once every branch is merged (0006 belongs to the recordings work).
const previous = migrations[migrations.indexOf(migration0007) - 1]!.version;

function atPreviousVersion() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, previous);
  db.exec(`
    INSERT INTO users VALUES ('u1', 'Sam', 'sam', 1, 1, 'slot', 't');
    INSERT INTO clients (id, reference_no, name, therapist_id, created_at, updated_at) VALUES ('c1', 1, 'Alex', 'u1', 't', 't');
    INSERT INTO files VALUES ('f1', zeroblob(32), 10, 'application/pdf', 'scan', 'u1', 't');`);
  return db;
}

const consent = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  client_id: 'c1',
  recipient_organisation: 'Leeds CMHT',
  recipient_person: null,
  purpose: 'Referral',
  releases: 'attendance',
  period_from: '2026-09-01',
  period_to: '2026-12-31',
  signed_on: '2026-11-16',
  expires_on: '2027-11-15',
  scan_file_id: null,
  recorded_by: 'u1',
  recorded_at: 't',
  withdrawn_on: null,
  withdrawal_recorded_by: null,
  withdrawal_recorded_at: null,
  ...overrides,
});

describe('migration 0007: release consents and the disclosure log', () => {
  it('keeps earlier data and adds STRICT tables for consents and disclosures, with their rules as constraints', () => {
    const db = atPreviousVersion();
    migrate(db, migration0007.version);
    expect(schemaVersion(db)).toBe(migration0007.version);
    expect(db.prepare('SELECT name FROM clients').pluck().all()).toEqual(['Alex']);
    const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND (name LIKE 'release%' OR name LIKE 'disclosure%')`).all() as Array<{ name: string; sql: string }>;
    expect(tables.map((t) => t.name).sort()).toEqual(['disclosure_attendance', 'disclosure_consents', 'disclosure_files', 'disclosure_subjects', 'disclosures', 'release_consents']);
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT/);

    const insert = db.prepare(`INSERT INTO release_consents VALUES (@id, @client_id, @recipient_organisation, @recipient_person, @purpose, @releases,
      @period_from, @period_to, @signed_on, @expires_on, @scan_file_id, @recorded_by, @recorded_at, @withdrawn_on, @withdrawal_recorded_by, @withdrawal_recorded_at)`);
    insert.run(consent('r1', { scan_file_id: 'f1' }));
    expect(() => insert.run(consent('r2', { expires_on: '2026-11-15' }))).toThrow(/CHECK/);
    expect(() => insert.run(consent('r3', { period_to: '2026-08-31' }))).toThrow(/CHECK/);
    expect(() => insert.run(consent('r4', { releases: 'everything' }))).toThrow(/CHECK/);
    expect(() => insert.run(consent('r5', { withdrawn_on: '2026-11-20' }))).toThrow(/CHECK/);
    expect(() => insert.run(consent('r6', { scan_file_id: 'no-such-file' }))).toThrow(/FOREIGN KEY/);
    expect(() => insert.run(consent('r7', { scan_file_id: 'f1' }))).toThrow(/UNIQUE/);

    db.exec(`INSERT INTO disclosures VALUES ('d1', 1, 'c1', '2026-11-23', 't', 'attendance-summary', 'consent', 'Leeds CMHT', NULL,
               'Attendance summary', 'u1', 'u1', 'consented', NULL);
             INSERT INTO disclosure_subjects VALUES ('d1', 'c1');
             INSERT INTO disclosure_consents VALUES ('d1', 'r1');
             INSERT INTO disclosure_attendance VALUES ('d1', '2026-10-01', '2026-11-20', 2, NULL, NULL, 1, 1, 0);
             INSERT INTO disclosure_files VALUES ('d1', 'attendance-summary-D-0001-2026-11-23.pdf', 20895, '${'a'.repeat(64)}');`);
    expect(() => db.exec(`INSERT INTO disclosure_files VALUES ('d1', 'x.csv', 10, '${'A'.repeat(64)}')`)).toThrow(/CHECK/);
    expect(() => db.exec(`INSERT INTO disclosure_consents VALUES ('d1', 'no-such-consent')`)).toThrow(/FOREIGN KEY/);
    // Later kinds of disclosure fit: a safeguarding disclosure the client was told of, with the date.
    db.exec(`INSERT INTO disclosures VALUES ('d2', 2, 'c1', '2026-11-23', 't', 'other', 'safeguarding', 'Children’s Social Care', NULL,
               'Concern about a child’s safety', 'u1', 'u1', 'told', '2026-11-24')`);
    expect(() => db.exec(`INSERT INTO disclosures VALUES ('d3', 3, 'c1', '2026-11-23', 't', 'other', 'safeguarding', 'X', NULL, 'Y', 'u1', 'u1', 'told', NULL)`)).toThrow(/CHECK/);
    expect(() => db.exec(`INSERT INTO disclosures VALUES ('d4', 1, 'c1', '2026-11-23', 't', 'other', 'rumour', 'X', NULL, 'Y', 'u1', 'u1', 'not-told', NULL)`)).toThrow(/CHECK|UNIQUE/);
  });
});
