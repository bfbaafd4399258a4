import { randomUUID } from 'node:crypto';
import type { Db } from '../vault/database';
import { prepared } from '../vault/statements';
import type { ClientDestruction, SessionDestruction } from './destroy-client';
import type { FieldGroupDestruction } from './destroy-field-groups';

/**
 * Destruction runs and the destruction register (migration 0008). A register row identifies no one: the
 * destroyed record's reference code, its first and last dates, counts and the rule that made it due. A run
 * with no `finished_at` was interrupted: its rows are true (each was written with its client's destruction, in
 * one transaction), and running the purge again finishes the job in a new run.
 */
export type RunKind = 'purge' | 'entered-in-error';

export interface RunRow {
  id: string;
  run_no: number;
  kind: RunKind;
  authorised_by: string;
  started_at: string;
  finished_at: string | null;
  rules: string;
  planned: number;
}

export interface RegisterRow {
  seq: number;
  run_id: string;
  destroyed_at: string;
  what: 'client' | 'session' | 'referrer' | 'equality-monitoring' | 'recording';
  reference: string;
  rule: string;
  first_on: string | null;
  last_on: string | null;
  records: number;
  sessions: number;
  notes: number;
  recordings: number;
  joint_kept: number;
}

export function beginRun(db: Db, run: { kind: RunKind; authorisedBy: string; at: string; rules: string; planned: number }): RunRow {
  const runNo = ((db.prepare('SELECT max(run_no) FROM destruction_runs').pluck().get() as number | null) ?? 0) + 1;
  const row: RunRow = {
    id: randomUUID(),
    run_no: runNo,
    kind: run.kind,
    authorised_by: run.authorisedBy,
    started_at: run.at,
    finished_at: null,
    rules: run.rules,
    planned: run.planned,
  };
  db.prepare(
    `INSERT INTO destruction_runs (id, run_no, kind, authorised_by, started_at, finished_at, rules, planned)
     VALUES (@id, @run_no, @kind, @authorised_by, @started_at, @finished_at, @rules, @planned)`,
  ).run(row);
  return row;
}

export function finishRun(db: Db, runId: string, at: string): void {
  db.prepare('UPDATE destruction_runs SET finished_at = ? WHERE id = ? AND finished_at IS NULL').run(at, runId);
}

const inserts = new WeakMap<Db, ReturnType<Db['prepare']>>();


/** One register row for a destroyed client, in the transaction that destroyed them. */
export function registerClient(db: Db, runId: string, at: string, rule: string, destroyed: ClientDestruction): void {
  let insert = inserts.get(db);
  if (!insert) {
    insert = db.prepare(
      `INSERT INTO destruction_register (run_id, destroyed_at, what, record_id, reference, rule, related_reference, first_on, last_on,
         records, sessions, notes, recordings, joint_kept)
       VALUES (?, ?, 'client', ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
    );
    inserts.set(db, insert);
  }
  insert.run([
    runId, at, destroyed.clientId, destroyed.reference, rule, destroyed.firstOn, destroyed.lastOn,
    destroyed.records, destroyed.sessions, destroyed.notes, destroyed.recordings, destroyed.jointKept,
  ]);
}

/** One register row for a session entered in error, in the transaction that destroyed it. */
export function registerSession(db: Db, runId: string, at: string, rule: string, destroyed: SessionDestruction): void {
  db.prepare(
    `INSERT INTO destruction_register (run_id, destroyed_at, what, record_id, reference, rule, related_reference, first_on, last_on,
       records, sessions, notes, recordings, joint_kept)
     VALUES (?, ?, 'session', ?, ?, ?, NULL, ?, ?, ?, 1, ?, ?, 0)`,
  ).run(runId, at, destroyed.sessionId, destroyed.reference, rule, destroyed.on, destroyed.on, destroyed.records, destroyed.notes, destroyed.recordings);
}

/**
 * One register row for a field group destroyed from a record that stays (`referrer`, `equality-monitoring`), in the
 * transaction that destroyed it: the client's reference, the dates of their cases and sessions, and in `records`
 * how many of the group's fields held something.
 */
export function registerFieldGroup(db: Db, runId: string, at: string, rule: string, destroyed: FieldGroupDestruction): void {
  prepared(
    db,
    `INSERT INTO destruction_register (run_id, destroyed_at, what, record_id, reference, rule, related_reference, first_on, last_on,
       records, sessions, notes, recordings, joint_kept)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 0, 0, 0, 0)`,
  ).run(runId, at, destroyed.what, destroyed.clientId, destroyed.reference, rule, destroyed.firstOn, destroyed.lastOn, destroyed.fields);
}

export function findRun(db: Db, runId: string): RunRow | null {
  return (db.prepare('SELECT id, run_no, kind, authorised_by, started_at, finished_at, rules, planned FROM destruction_runs WHERE id = ?').get(runId) as RunRow | undefined) ?? null;
}

export function runRows(db: Db, runId: string): RegisterRow[] {
  return db
    .prepare(
      `SELECT seq, run_id, destroyed_at, what, reference, rule, first_on, last_on, records, sessions, notes, recordings, joint_kept
       FROM destruction_register WHERE run_id = ? ORDER BY seq`,
    )
    .all(runId) as RegisterRow[];
}

export function allRuns(db: Db): Array<RunRow & { destroyed: number }> {
  return db
    .prepare(
      `SELECT r.id, r.run_no, r.kind, r.authorised_by, r.started_at, r.finished_at, r.rules, r.planned,
              (SELECT count(*) FROM destruction_register g WHERE g.run_id = r.id) AS destroyed
       FROM destruction_runs r ORDER BY r.run_no DESC`,
    )
    .all() as Array<RunRow & { destroyed: number }>;
}
