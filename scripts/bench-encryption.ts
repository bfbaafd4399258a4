/**
 * Encryption overhead: the same workload on an encrypted vault database (SQLCipher, Confide's key and
 * settings) and on a plain SQLite file through the same package, with the same schema (the vault's
 * migrations), the same connection settings (applyConnectionSettings) and the same rows. Each operation runs
 * on both files alternately, op by op, so load on the machine falls on both alike.
 * BENCH_CLIENTS × BENCH_NOTES_PER_CLIENT sets the size (default 1,000 × 20); BENCH_RUNS the runs per op.
 */
import { randomBytes } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyConnectionSettings, openDatabase, type Db } from '../electron/core/vault/database';
import { migrate } from '../electron/core/vault/migrate';
import { insertUser } from '../electron/core/vault/users';
import { benchFolder } from './bench-support/folder';
import { interleaved, loadAverage, ms, printTable, ratio, seededRandom, summarise } from './bench-support/measure';
import { fillPractice, practiceNoteBody, type Practice } from './bench-support/practice';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1_000);
const NOTES_PER_CLIENT = Number(process.env.BENCH_NOTES_PER_CLIENT ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 400);
const USER_ID = 'u-bench';

function prepare(db: Db): Practice {
  migrate(db);
  insertUser(db, { id: USER_ID, name: 'Bench User', roles: ['director', 'therapist'], keySlotId: 'slot', createdAt: '2024-01-01T00:00:00.000Z' });
  const practice = fillPractice(db, USER_ID, { clients: CLIENTS, notesPerClient: NOTES_PER_CLIENT, sessionsPerClient: 0 });
  db.pragma('wal_checkpoint(TRUNCATE)');
  return practice;
}

function openPlain(path: string): Db {
  const db = new Database(path);
  applyConnectionSettings(db, { create: true });
  return db;
}

/** One autosave-sized commit as the core makes it: the note, its subject, the full-text index, in a transaction. */
function committer(db: Db, clientId: string, prefix: string) {
  const addNote = db.prepare(
    `INSERT INTO notes (id, kind, case_id, session_id, client_id, author_id, status, body, created_at, updated_at, finalised_at)
     VALUES (?, 'client', NULL, NULL, ?, ?, 'draft', ?, ?, ?, NULL)`,
  );
  const addSubject = db.prepare('INSERT INTO note_subjects VALUES (?, ?)');
  let n = 0;
  return db.transaction(() => {
    const id = `${prefix}-${n++}`;
    db.pragma('defer_foreign_keys = ON');
    addSubject.run(id, clientId);
    addNote.run(id, clientId, USER_ID, practiceNoteBody(1_000_000 + n), '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
  });
}

async function main(): Promise<void> {
  const folder = benchFolder('confide-bench-encryption-');
  try {
    const enc = openDatabase(join(folder, 'encrypted.db'), randomBytes(32), { create: true });
    const plain = openPlain(join(folder, 'plain.db'));
    const practice = prepare(enc);
    prepare(plain);
    const sizes = { enc: statSync(join(folder, 'encrypted.db')).size, plain: statSync(join(folder, 'plain.db')).size };
    const pick = seededRandom(7);
    const noteIds = Array.from({ length: RUNS }, () => practice.noteIds[Math.floor(pick() * practice.noteIds.length)]!);
    const clientIds = Array.from({ length: RUNS }, () => practice.clientIds[Math.floor(pick() * practice.clientIds.length)]!);
    const rows: string[][] = [];
    const compare = (label: string, result: { a: number[]; b: number[] }) => {
      const e = summarise(result.a);
      const p = summarise(result.b);
      rows.push([label, String(e.runs), ms(e.p50), ms(p.p50), ratio(e.p50, p.p50), ms(e.p99), ms(p.p99), ratio(e.p99, p.p99)]);
    };
    const on = (db: Db, sql: string) => db.prepare(sql);

    for (const [label, autocheckpoint] of [
      ['commit, WAL auto-checkpoint every 1,000 pages (SQLite default; before)', 1000],
      ['commit, no checkpoint in the commit (Confide now)', 0],
    ] as const) {
      enc.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
      plain.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
      const commitEnc = committer(enc, practice.clientIds[0]!, `new${autocheckpoint}`);
      const commitPlain = committer(plain, practice.clientIds[0]!, `new${autocheckpoint}`);
      compare(label, await interleaved(RUNS * 2, () => commitEnc(), () => commitPlain()));
    }
    // What the commits above left in the WAL, checkpointed as the core now does it: off the write path.
    const checkpoint = await interleaved(1, () => enc.pragma('wal_checkpoint(PASSIVE)'), () => plain.pragma('wal_checkpoint(PASSIVE)'));
    rows.push([`checkpoint of the ${RUNS * 2} commits above (between calls, not in one)`, '1', ms(checkpoint.a[0]!), ms(checkpoint.b[0]!), ratio(checkpoint.a[0]!, checkpoint.b[0]!), '', '', '']);

    const byId = [on(enc, 'SELECT * FROM notes WHERE id = ?'), on(plain, 'SELECT * FROM notes WHERE id = ?')] as const;
    compare('point read by id, page cache warm', await interleaved(RUNS, (i) => byId[0].get(noteIds[i]), (i) => byId[1].get(noteIds[i])));
    compare(
      'point read by id, page cache dropped before each read',
      await interleaved(RUNS, (i) => byId[0].get(noteIds[i]), (i) => byId[1].get(noteIds[i]), {
        a: () => enc.pragma('shrink_memory'),
        b: () => plain.pragma('shrink_memory'),
      }),
    );
    const clientNotes = `SELECT notes.* FROM notes WHERE notes.id IN (SELECT note_id FROM note_subjects WHERE client_id = ?) ORDER BY created_at DESC`;
    const notesOf = [on(enc, clientNotes), on(plain, clientNotes)] as const;
    compare(`one client's notes (${NOTES_PER_CLIENT})`, await interleaved(RUNS, (i) => notesOf[0].all(clientIds[i]), (i) => notesOf[1].all(clientIds[i])));
    const searchSql = `SELECT notes.id, snippet(notes_fts, 0, '', '', '…', 12) FROM notes_fts JOIN notes ON notes.seq = notes_fts.rowid
      WHERE notes_fts MATCH ? ORDER BY notes_fts.rowid DESC LIMIT 50`;
    const search = [on(enc, searchSql), on(plain, searchSql)] as const;
    compare('full-text search, common word (50 newest of every note)', await interleaved(RUNS, () => search[0].all('text : "anxiety"'), () => search[1].all('text : "anxiety"')));
    compare(
      'full-text search, rare word (one note)',
      await interleaved(RUNS, (i) => search[0].all(`text : "marker${i * 37}q"`), (i) => search[1].all(`text : "marker${i * 37}q"`)),
    );
    const listSql = 'SELECT * FROM clients ORDER BY name COLLATE NOCASE, reference_no';
    const list = [on(enc, listSql), on(plain, listSql)] as const;
    compare(`list every client (${CLIENTS})`, await interleaved(Math.max(21, RUNS / 10), () => list[0].all(), () => list[1].all()));
    enc.close();
    plain.close();

    console.log(
      `Encryption overhead — ${CLIENTS} clients × ${NOTES_PER_CLIENT} notes; encrypted.db ${(sizes.enc / 1e6).toFixed(1)} MB, plain.db ${(sizes.plain / 1e6).toFixed(1)} MB; load average ${loadAverage()}`,
    );
    printTable(
      'encryption overhead: SQLCipher vs plain SQLite, same schema and settings, A/B interleaved (ms)',
      ['operation', 'runs', 'encrypted p50', 'plain p50', 'p50 ratio', 'encrypted p99', 'plain p99', 'p99 ratio'],
      rows,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
