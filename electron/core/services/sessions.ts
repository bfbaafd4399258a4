import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { sessionTimeProblem } from '../../../shared/dates';
import type { newSession, SessionCorrection, sessionCorrectionInput, SessionRecord } from '../../../shared/records';
import { conflict, invalidField, notFound } from '../errors';
import { assertRunsCase, findCase, type CaseRow } from './cases';
import type { ServiceContext } from './context';
import { assertNoKeptRecording } from './recorded-sessions';
import { attendeesOfSession, attendeesOfCorrection } from './refs';
import { assertClientVisible, sessionAbout } from './visibility';
import { prepared } from '../vault/statements';

interface SessionRow {
  id: string;
  case_id: string;
  case_kind: SessionRecord['caseKind'];
  starts_at: string;
  duration_minutes: number;
  modality: SessionRecord['modality'];
  status: SessionRecord['status'];
  former_attendees: number;
}

interface CorrectionRow {
  id: string;
  corrected_at: string;
  corrected_by_name: string;
  reason: string | null;
  starts_at: string;
  duration_minutes: number;
  modality: SessionRecord['modality'];
  status: SessionRecord['status'];
  therapist_id: string;
}

const SELECT_SESSION = 'SELECT sessions.*, cases.kind AS case_kind FROM sessions JOIN cases ON cases.id = sessions.case_id';

/**
 * What each correction replaced, oldest first. The reason may say something clinical, so only the case's
 * therapist reads it; a director sees the dates and attendance as they were.
 */
function correctionsOf(ctx: ServiceContext, sessionId: string): SessionCorrection[] {
  const rows = prepared(
    ctx.db,
      `SELECT k.id, k.corrected_at, u.name AS corrected_by_name, k.reason, k.starts_at, k.duration_minutes, k.modality, k.status,
              cases.therapist_id
       FROM session_corrections k JOIN users u ON u.id = k.corrected_by
       JOIN sessions ON sessions.id = k.session_id JOIN cases ON cases.id = sessions.case_id
       WHERE k.session_id = ? ORDER BY k.seq`,
    )
    .all(sessionId) as CorrectionRow[];
  return rows.map((row) => ({
    correctedAt: row.corrected_at,
    correctedBy: row.corrected_by_name,
    reason: row.therapist_id === ctx.user.id ? row.reason : null,
    previous: {
      startsAt: row.starts_at,
      durationMinutes: row.duration_minutes,
      modality: row.modality,
      status: row.status,
      attendees: attendeesOfCorrection(ctx.db, row.id),
    },
  }));
}

function toRecord(ctx: ServiceContext, row: SessionRow, fileClientId: string | null): SessionRecord {
  const attendees = attendeesOfSession(ctx.db, row.id);
  return {
    id: row.id,
    caseId: row.case_id,
    caseKind: row.case_kind,
    startsAt: row.starts_at,
    durationMinutes: row.duration_minutes,
    modality: row.modality,
    status: row.status,
    attendees,
    otherSubjects: attendees.filter((a) => a.id !== fileClientId),
    formerSubjects: row.former_attendees,
    individual: attendees.length + row.former_attendees === 1,
    corrections: correctionsOf(ctx, row.id),
  };
}

/** A client's timeline: only sessions the client is a subject of. A partner's individual session is not here. */
export function listSessions(ctx: ServiceContext, clientId: string): SessionRecord[] {
  assertClientVisible(ctx, clientId);
  const about = sessionAbout(ctx, clientId);
  const rows = prepared(ctx.db, `${SELECT_SESSION} WHERE ${about.sql} ORDER BY sessions.starts_at DESC, sessions.id`)
    .all(...about.params) as SessionRow[];
  return rows.map((row) => toRecord(ctx, row, clientId));
}

/** A session that can take new records: one the user runs, in a case still open. */
export function openCaseOf(ctx: ServiceContext, caseRow: CaseRow, what: string): void {
  assertRunsCase(ctx, caseRow, "Only the case's therapist can record its sessions and notes.");
  if (caseRow.closed_on !== null) throw conflict(`This case is closed, so ${what} cannot be added to it.`);
}

function participantsOf(ctx: ServiceContext, caseId: string): Set<string> {
  const rows = ctx.db.prepare('SELECT client_id FROM case_participants WHERE case_id = ?').all(caseId) as Array<{ client_id: string }>;
  return new Set(rows.map((r) => r.client_id));
}

interface SessionValues {
  startsAt: string;
  durationMinutes: number;
  modality: SessionRecord['modality'];
  status: SessionRecord['status'];
  attendees: string[];
}

/** The rules a session's values must keep, whether first recorded or corrected. */
function assertSessionFits(ctx: ServiceContext, caseRow: CaseRow, values: SessionValues): void {
  const day = values.startsAt.slice(0, 10);
  if (day < caseRow.opened_on) throw invalidField('startsAt', 'A session cannot be before the day its case opened.');
  if (caseRow.closed_on !== null && day > caseRow.closed_on) {
    throw invalidField('startsAt', 'A session cannot be after the day its case closed.');
  }
  const participants = participantsOf(ctx, caseRow.id);
  if (values.attendees.some((clientId) => !participants.has(clientId))) {
    throw invalidField('attendeeIds', 'Every attendee must be a participant in this case.');
  }
  const timing = sessionTimeProblem(values.status, values.startsAt, ctx.localNow());
  if (timing) throw invalidField('status', `${timing}.`);
}

export function createSession(ctx: ServiceContext, input: z.output<typeof newSession>): SessionRecord {
  const caseRow = findCase(ctx, input.caseId);
  openCaseOf(ctx, caseRow, 'sessions');
  const attendees = [...new Set(input.attendeeIds)];
  assertSessionFits(ctx, caseRow, { ...input, attendees });
  const id = randomUUID();
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        'INSERT INTO sessions (id, case_id, starts_at, duration_minutes, modality, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, caseRow.id, input.startsAt, input.durationMinutes, input.modality, input.status, ctx.now());
    const add = ctx.db.prepare('INSERT INTO session_attendees (session_id, client_id) VALUES (?, ?)');
    attendees.forEach((clientId) => add.run(id, clientId));
  })();
  return toRecord(ctx, ctx.db.prepare(`${SELECT_SESSION} WHERE sessions.id = ?`).get(id) as SessionRow, null);
}

export function findSession(ctx: ServiceContext, sessionId: string): { session: SessionRow; caseRow: CaseRow } {
  const session = ctx.db.prepare(`${SELECT_SESSION} WHERE sessions.id = ?`).get(sessionId) as SessionRow | undefined;
  if (!session) throw notFound('That session');
  return { session, caseRow: findCase(ctx, session.case_id) };
}

const attendeeIdsOf = (ctx: ServiceContext, sessionId: string) =>
  (ctx.db.prepare('SELECT client_id FROM session_attendees WHERE session_id = ?').all(sessionId) as Array<{ client_id: string }>).map(
    (r) => r.client_id,
  );

/**
 * Corrects a session recorded wrongly (date, time, duration, modality, attendance). The values it replaces
 * are kept as the session's history, and when attendance changes, the subjects of the session's notes change
 * with it (a session note is about who attended), and the search index follows (migration 0003's triggers).
 */
export function correctSession(ctx: ServiceContext, input: z.output<typeof sessionCorrectionInput>): SessionRecord {
  const { session, caseRow } = findSession(ctx, input.sessionId);
  assertRunsCase(ctx, caseRow, "Only the case's therapist can correct its sessions.");
  const before: SessionValues = {
    startsAt: session.starts_at,
    durationMinutes: session.duration_minutes,
    modality: session.modality,
    status: session.status,
    attendees: attendeeIdsOf(ctx, session.id),
  };
  const after: SessionValues = {
    startsAt: input.startsAt ?? before.startsAt,
    durationMinutes: input.durationMinutes ?? before.durationMinutes,
    modality: input.modality ?? before.modality,
    status: input.status ?? before.status,
    attendees: input.attendeeIds ? [...new Set(input.attendeeIds)] : before.attendees,
  };
  const removed = before.attendees.filter((id) => !after.attendees.includes(id));
  const added = after.attendees.filter((id) => !before.attendees.includes(id));
  const changed: string[] = (['startsAt', 'durationMinutes', 'modality', 'status'] as const).filter((field) => before[field] !== after[field]);
  if (removed.length > 0 || added.length > 0) changed.push('attendees');
  if (changed.length === 0) return toRecord(ctx, session, null);
  assertSessionFits(ctx, caseRow, after);
  assertNoCommentsFrom(ctx, session.id, removed);
  if (removed.length > 0 || added.length > 0) assertNoKeptRecording(ctx, session.id);

  ctx.db.transaction(() => {
    const correctionId = randomUUID();
    ctx.db
      .prepare(
        `INSERT INTO session_corrections (id, session_id, corrected_at, corrected_by, reason, starts_at, duration_minutes, modality, status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(correctionId, session.id, ctx.now(), ctx.user.id, input.reason || null, before.startsAt, before.durationMinutes, before.modality, before.status);
    const keep = ctx.db.prepare('INSERT INTO session_correction_attendees (correction_id, client_id) VALUES (?, ?)');
    before.attendees.forEach((clientId) => keep.run(correctionId, clientId));
    ctx.db
      .prepare('UPDATE sessions SET starts_at = ?, duration_minutes = ?, modality = ?, status = ? WHERE id = ?')
      .run(after.startsAt, after.durationMinutes, after.modality, after.status, session.id);
    const notes = rederiveSubjects(ctx, session.id, removed, added);
  })();
  return toRecord(ctx, findSession(ctx, session.id).session, null);
}

/**
 * A client's comment on a note is about that note; removing them from the session would leave their words on
 * a record that is no longer theirs.
 */
function assertNoCommentsFrom(ctx: ServiceContext, sessionId: string, removed: string[]): void {
  if (removed.length === 0) return;
  const commented = ctx.db
    .prepare(
      `SELECT 1 FROM note_client_comments k JOIN notes n ON n.id = k.note_id
       WHERE n.session_id = ? AND k.client_id IN (${removed.map(() => '?').join(', ')}) LIMIT 1`,
    )
    .get(sessionId, ...removed);
  if (commented) {
    throw conflict('A client who has commented on a note of this session cannot be removed from its attendance.');
  }
}

/** The session's attendees, and the subjects of each of its notes, become the corrected attendance. */
function rederiveSubjects(ctx: ServiceContext, sessionId: string, removed: string[], added: string[]): number {
  if (removed.length === 0 && added.length === 0) return 0;
  const noteIds = (ctx.db.prepare('SELECT id FROM notes WHERE session_id = ?').all(sessionId) as Array<{ id: string }>).map((r) => r.id);
  const dropAttendee = ctx.db.prepare('DELETE FROM session_attendees WHERE session_id = ? AND client_id = ?');
  const addAttendee = ctx.db.prepare('INSERT INTO session_attendees (session_id, client_id) VALUES (?, ?)');
  const dropSubject = ctx.db.prepare('DELETE FROM note_subjects WHERE note_id = ? AND client_id = ?');
  const addSubject = ctx.db.prepare('INSERT INTO note_subjects (note_id, client_id) VALUES (?, ?)');
  // Added first, so a note never has no subjects at all, even inside the transaction.
  for (const clientId of added) {
    addAttendee.run(sessionId, clientId);
    noteIds.forEach((noteId) => addSubject.run(noteId, clientId));
  }
  for (const clientId of removed) {
    dropAttendee.run(sessionId, clientId);
    noteIds.forEach((noteId) => dropSubject.run(noteId, clientId));
  }
  return noteIds.length;
}
