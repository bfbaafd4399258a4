import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { appendAudit, eraseAuditDetails, ERASED_DETAIL, verifyAuditChain } from '../../../electron/core/vault/audit';
import { migrate, schemaVersion } from '../../../electron/core/vault/migrate';
import { migration0009 } from '../../../electron/core/vault/migrations/0009-erasable-audit-detail';

const at = '2026-11-25T10:00:00.000Z';

function atVersion8() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 8);
  db.exec(`
    INSERT INTO users VALUES ('u1', 'Sam', 'sam', 1, 1, 'slot', 't');
    INSERT INTO clients (id, reference_no, name, therapist_id, created_at, updated_at) VALUES ('c1', 1, 'Alex', 'u1', 't', 't'), ('c2', 2, 'Blake', 'u1', 't', 't');
    INSERT INTO disclosures (id, reference_no, client_id, disclosed_on, recorded_at, kind, basis, recipient_organisation, recipient_person,
      what_released, released_by, authorised_by, client_told, client_told_on)
      VALUES ('d1', 1, 'c1', '2026-11-20', 't', 'attendance-summary', 'consent', 'CMHT', NULL, 'dates', 'u1', 'u1', 'consented', NULL);
    INSERT INTO disclosure_subjects VALUES ('d1', 'c1'), ('d1', 'c2');`);
  return db;
}

describe('migration 0009: erasable audit detail, disclosures that outlive a destroyed client', () => {
  it('keeps the chain written before it verifying, and entries written after it hash their detail’s digest', () => {
    const db = atVersion8();
    appendAudit(db, { at, actorId: 'u1', action: 'client.view', targetId: 'c1', detail: { count: 3 } });
    migrate(db, migration0009.version);
    expect(schemaVersion(db)).toBe(9);
    appendAudit(db, { at, actorId: 'u1', action: 'client.view', targetId: 'c1', detail: { count: 4 } });
    const rows = db.prepare('SELECT seq, detail, detail_sha256 FROM audit_log ORDER BY seq').all() as Array<{ detail_sha256: string | null }>;
    expect(rows.map((r) => r.detail_sha256 === null)).toEqual([true, false]);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 2 });

    // Erasing: only the entry with a digest loses its detail, and the chain still verifies.
    expect(eraseAuditDetails(db, ['c1'])).toBe(1);
    expect(db.prepare('SELECT detail FROM audit_log ORDER BY seq').pluck().all()).toEqual(['{"count":3}', ERASED_DETAIL]);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('still reports a changed detail, an erased old-form detail and a changed digest', () => {
    const db = atVersion8();
    appendAudit(db, { at, actorId: 'u1', action: 'client.view', targetId: 'c1', detail: { count: 3 } });
    migrate(db, migration0009.version);
    appendAudit(db, { at, actorId: 'u1', action: 'client.view', targetId: 'c2', detail: { count: 4 } });
    const tamper = (sql: string) => {
      const copy = new Database(db.serialize());
      copy.exec(sql);
      return verifyAuditChain(copy);
    };
    expect(tamper(`UPDATE audit_log SET detail = '{"count":5}' WHERE seq = 2`)).toMatchObject({ ok: false, firstBrokenSeq: 2 });
    expect(tamper(`UPDATE audit_log SET detail = '${ERASED_DETAIL}' WHERE seq = 1`)).toMatchObject({ ok: false, firstBrokenSeq: 1 });
    expect(tamper(`UPDATE audit_log SET detail_sha256 = '${'0'.repeat(64)}' WHERE seq = 2`)).toMatchObject({ ok: false, firstBrokenSeq: 2 });
    expect(tamper(`UPDATE audit_log SET action = 'client.list' WHERE seq = 2`)).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });

  it('lets a disclosure stop naming its destroyed main client while another subject remains', () => {
    const db = atVersion8();
    migrate(db, migration0009.version);
    expect(db.prepare('SELECT client_id, former_subjects FROM disclosures').get()).toEqual({ client_id: 'c1', former_subjects: 0 });
    expect(() => db.exec(`UPDATE disclosures SET client_id = NULL`)).toThrow(/CHECK/);
    db.exec(`UPDATE disclosures SET client_id = NULL, former_subjects = 1; DELETE FROM disclosure_subjects WHERE client_id = 'c1'`);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
