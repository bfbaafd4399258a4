import type Database from 'better-sqlite3-multiple-ciphers';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAttendance } from '../../electron/core/attendance/export';
import { previewAttendance } from '../../electron/core/attendance/preview';
import type { ServiceContext } from '../../electron/core/services/context';
import { listNotes } from '../../electron/core/services/notes';
import type { BlobStore } from '../../electron/core/vault/blobs';
import { findUserByName } from '../../electron/core/vault/users';
import { CREATED_AT, shippedFonts } from '../support/document-fixtures';
import { openVaultDatabaseIndependently } from '../support/independent-open';
import { blakeConsents, coupleForRelease } from '../support/release-fixture';
import { fixedClock, newVault, PASSPHRASE, tempFolder, USER } from '../support/vault-fixture';
import { FREE_TEXT_TABLES } from '../support/free-text-tables';

/**
 * The attendance summary's SQL, read by SQLite itself: every statement the module prepares during a preview
 * and an export is compiled with EXPLAIN, and the tables (and indexes) its bytecode opens are looked up by
 * root page. None may hold notes or other free text — whatever the SQL's wording.
 */
let folder: ReturnType<typeof tempFolder>;
let db: Database.Database;
let ctx: ServiceContext;
const statements: string[] = [];
let couple: Awaited<ReturnType<typeof coupleForRelease>>;

beforeAll(async () => {
  folder = tempFolder();
  const vaultDir = join(folder.dir, 'vault');
  const { door } = await newVault(vaultDir, fixedClock('2026-11-23T12:00:00Z'), 'Europe/London');
  couple = await coupleForRelease((method, input) => door.call(method, input));
  await blakeConsents((method, input) => door.call(method, input), couple.blake.id, { releases: 'attendance-and-missed' });
  const draft = await door.call('notes.saveDraft', { about: { type: 'session', sessionId: couple.joint.id }, body: 'words' });
  await door.call('notes.finalise', { noteId: draft.noteId, clientId: couple.alex.id });
  await door.call('vault.lock', {});

  db = await openVaultDatabaseIndependently(vaultDir, PASSPHRASE);
  const recording = new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'prepare') return (sql: string) => (statements.push(sql), target.prepare(sql));
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  ctx = {
    db: recording,
    user: findUserByName(db, USER)!,
    now: () => '2026-11-23T12:00:00.000Z',
    today: () => '2026-11-23',
    localNow: () => '2026-11-23T12:00',
    blobs: undefined as unknown as BlobStore, // the attendance summary stores no file
    reportProgress: () => undefined,
    touchFile: () => undefined,
  };
});
afterAll(() => {
  db?.close();
  folder.cleanup();
});

/** The tables a statement opens, from its bytecode: OpenRead/OpenWrite name a root page, looked up in the schema. */
function tablesOpenedBy(sql: string): string[] {
  const byRootPage = new Map(
    (db.prepare('SELECT rootpage, tbl_name FROM sqlite_master WHERE rootpage > 0').all() as Array<{ rootpage: number; tbl_name: string }>).map((r) => [r.rootpage, r.tbl_name]),
  );
  const parameters = (sql.match(/\?/g) ?? []).length;
  const program = db.prepare(`EXPLAIN ${sql}`).all(...new Array(parameters).fill(null)) as Array<{ opcode: string; p2: number; p3: number }>;
  expect(program.filter((op) => op.opcode === 'VOpen'), 'a virtual (full-text) table').toEqual([]);
  return [...new Set(program.filter((op) => /^(Open(Read|Write)|ReopenIdx)$/.test(op.opcode) && op.p3 === 0).map((op) => byRootPage.get(op.p2) ?? `page ${op.p2}`))];
}

describe('the attendance summary’s SQL', () => {
  it('opens no table of notes or other free text, for a preview and an export with joint sessions and counts', async () => {
    const input = {
      clientId: couple.alex.id,
      periodFrom: '2026-10-01',
      periodTo: '2026-11-20',
      consentId: couple.consent.id,
      includeName: true,
      includeDateOfBirth: true,
      includeMissedAndCancelled: true,
      jointSessions: 'include' as const,
    };
    const render = { fonts: shippedFonts(), createdAt: CREATED_AT };
    const preview = await previewAttendance(ctx, render, input);
    expect(preview.missing).toEqual([]);
    const out = join(folder.dir, 'out');
    mkdirSync(out);
    db.exec('BEGIN');
    await exportAttendance(ctx, render, join(folder.dir, 'vault'), { ...input, outputFolder: out });
    db.exec('ROLLBACK');

    expect(statements.length).toBeGreaterThan(5);
    const opened = new Set(statements.flatMap(tablesOpenedBy));
    // Who the client is, their sessions' days and attendees, the consents' dates, the letterhead, the log.
    expect([...opened].sort()).toEqual([
      'clients',
      'disclosure_attendance',
      'disclosure_consents',
      'disclosure_files',
      'disclosure_subjects',
      'disclosures',
      'release_consents',
      'session_attendees',
      'sessions',
      'settings',
      'users',
    ]);
    expect([...opened].filter((table) => FREE_TEXT_TABLES.includes(table) || table.startsWith('page '))).toEqual([]);
  });

  it('and the check sees a note table when a statement opens one', () => {
    statements.length = 0;
    listNotes(ctx, couple.alex.id);
    expect(new Set(statements.flatMap(tablesOpenedBy))).toContain('notes');
  });
});
