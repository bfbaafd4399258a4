import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/core/vault/migrate';

/** A version-5 vault with a couple in couple work, one joint session, and a file row. */
function atVersion5() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 5);
  db.exec(`
    INSERT INTO users (id, name, name_key, is_director, is_therapist, key_slot_id, created_at) VALUES ('u1', 'Sam', 'sam', 1, 1, 'slot', 't');
    INSERT INTO clients (id, reference_no, name, therapist_id, created_at, updated_at) VALUES ('c1', 1, 'Alex', 'u1', 't', 't'), ('c2', 2, 'Blake', 'u1', 't', 't');
    INSERT INTO cases (id, reference_no, kind, therapist_id, opened_on, created_at) VALUES ('k1', 1, 'couple', 'u1', '2026-11-01', 't');
    INSERT INTO case_participants (case_id, client_id) VALUES ('k1', 'c1'), ('k1', 'c2');
    INSERT INTO sessions (id, case_id, starts_at, duration_minutes, modality, status, created_at) VALUES ('s1', 'k1', '2026-11-02T10:00', 50, 'video', 'attended', 't');
    INSERT INTO session_attendees (session_id, client_id) VALUES ('s1', 'c1'), ('s1', 'c2');
  `);
  db.prepare(`INSERT INTO files VALUES (?, ?, 10, 'audio/wav', 'recording', 'u1', 't')`).run('f'.repeat(32), Buffer.alloc(32, 1));
  return db;
}

const consent = (id: string, referenceNo: number, client: string, extra = '') =>
  `INSERT INTO recording_consents (id, reference_no, client_id, case_id, whole_case, viewers, storage, destruction_method, destroy_by,
     signed_on, expires_on, recorded_by, created_at${extra ? ', withdrawn_on, withdrawal_recorded_by, withdrawal_recorded_at' : ''})
   VALUES ('${id}', ${referenceNo}, '${client}', 'k1', 1, 'Sam', 'vault', 'key destroyed', '2027-11-01', '2026-11-01', NULL, 'u1', 't'${extra})`;

describe('migration 0006: recording consents and recordings', () => {
  it('keeps version-5 data and adds STRICT tables for consents, what they cover, recordings and their subjects', () => {
    const db = atVersion5();
    migrate(db, 6);
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare('SELECT count(*) FROM session_attendees').pluck().get()).toBe(2);
    expect(db.prepare('SELECT id FROM files').pluck().all()).toEqual(['f'.repeat(32)]);
    const tables = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'recording%'`).all() as Array<{ name: string; sql: string }>;
    expect(tables.map((t) => t.name).sort()).toEqual([
      'recording_consent_purposes', 'recording_consent_sessions', 'recording_consents', 'recording_purposes', 'recording_subjects', 'recordings',
    ]);
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT/);
  });

  it('holds a joint recording with each partner’s consent, and refuses rows that could not be true', () => {
    const db = atVersion5();
    migrate(db, 6);
    db.exec(consent('rc1', 1, 'c1'));
    db.exec(consent('rc2', 2, 'c2'));
    db.exec(`INSERT INTO recording_consent_purposes VALUES ('rc1', 'supervision'), ('rc2', 'training')`);
    db.exec(`INSERT INTO recordings (id, reference_no, session_id, file_id, destroy_by, attached_by, attached_at) VALUES ('r1', 1, 's1', '${'f'.repeat(32)}', '2027-11-01', 'u1', 't')`);
    db.exec(`INSERT INTO recording_subjects VALUES ('r1', 'c1', 'rc1'), ('r1', 'c2', 'rc2')`);
    expect(db.prepare('SELECT client_id FROM recording_subjects WHERE recording_id = ? ORDER BY 1').pluck().all('r1')).toEqual(['c1', 'c2']);

    // Expiring, being destroyed or withdrawn before it was signed; a withdrawal without who recorded it.
    expect(() => db.exec(consent('rc3', 3, 'c1').replace("'2027-11-01', '2026-11-01', NULL", "'2027-11-01', '2026-11-01', '2026-10-01'"))).toThrow(/CHECK/);
    expect(() => db.exec(consent('rc4', 4, 'c1').replace("'2027-11-01', '2026-11-01'", "'2026-10-01', '2026-11-01'"))).toThrow(/CHECK/);
    expect(() => db.exec(consent('rc5', 5, 'c1', ", '2026-10-01', 'u1', 't'"))).toThrow(/CHECK/);
    expect(() => db.exec(`UPDATE recording_consents SET withdrawn_on = '2026-11-20' WHERE id = 'rc1'`)).toThrow(/CHECK/);
    expect(() => db.exec(`INSERT INTO recording_consent_purposes VALUES ('rc1', 'marketing')`)).toThrow(/CHECK/);
    expect(() => db.exec(`INSERT INTO recording_subjects VALUES ('r1', 'nobody', 'rc1')`)).toThrow(/FOREIGN KEY/);
    // A destroyed recording has no file, and says when and why; a kept one has its file.
    expect(() => db.exec(`UPDATE recordings SET file_id = NULL WHERE id = 'r1'`)).toThrow(/CHECK/);
    db.exec(`UPDATE recordings SET file_id = NULL, destroyed_at = 't2', destroyed_because = 'consent-withdrawn' WHERE id = 'r1'`);
    db.exec(`DELETE FROM files`);
    expect(db.prepare('SELECT destroyed_because FROM recordings').pluck().get()).toBe('consent-withdrawn');
  });
});
