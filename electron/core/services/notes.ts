import { randomUUID } from 'node:crypto';
import type { NoteAbout, NoteKind, NoteRecord } from '../../../shared/records';
import { ConfideError, conflict, forbidden, notFound } from '../errors';
import { derivedSubjects } from '../../../shared/rules/subjects';
import { findCase } from './cases';
import { capabilitiesFor } from './clients';
import type { ServiceContext } from './context';
import { clientRef, subjectsOfNote } from './refs';
import { findSession, openCaseOf } from './sessions';
import { and, assertClientVisible, noteAbout, noteReadable, type SqlPart } from './visibility';
import { prepared } from '../vault/statements';

interface NoteRow {
  id: string;
  kind: NoteKind;
  case_id: string | null;
  session_id: string | null;
  client_id: string | null;
  author_id: string;
  author_name: string;
  status: 'draft' | 'final';
  body: string;
  created_at: string;
  updated_at: string;
  finalised_at: string | null;
  former_subjects: number;
}

const SELECT_NOTE = 'SELECT notes.*, users.name AS author_name FROM notes JOIN users ON users.id = notes.author_id';

/** Every read of note content goes through here, so the visibility rules apply to every path. */
export function selectReadableNotes(ctx: ServiceContext, where: SqlPart, order = 'notes.created_at DESC, notes.id'): NoteRow[] {
  const part = and(noteReadable(ctx), where);
  return prepared(ctx.db, `${SELECT_NOTE} WHERE ${part.sql} ORDER BY ${order}`).all(...part.params) as NoteRow[];
}

/**
 * A note as it appears in one client's file. The subject-set rule shapes it: `otherSubjects` are the subjects
 * other than the file's client, and only the file's client's own comments on accuracy are in it — a partner's
 * words about a joint note belong in the partner's file.
 */
function toRecord(ctx: ServiceContext, row: NoteRow, fileClientId: string): NoteRecord {
  const subjects = subjectsOfNote(ctx.db, row.id);
  const amendments = (
    prepared(
        ctx.db,
        `SELECT a.id, a.body, a.reason, a.created_at, u.name AS author_name FROM note_amendments a
         JOIN users u ON u.id = a.author_id WHERE a.note_id = ? ORDER BY a.seq`,
      )
      .all(row.id) as Array<{ id: string; body: string; reason: string; created_at: string; author_name: string }>
  ).map((a) => ({ id: a.id, body: a.body, reason: a.reason, authorName: a.author_name, createdAt: a.created_at }));
  const clientComments = (
    prepared(
        ctx.db,
        `SELECT k.id, k.client_id, k.comment, k.created_at, u.name AS recorded_by FROM note_client_comments k
         JOIN users u ON u.id = k.recorded_by WHERE k.note_id = ? AND k.client_id = ? ORDER BY k.created_at, k.id`,
      )
      .all(row.id, fileClientId) as Array<{ id: string; client_id: string; comment: string; created_at: string; recorded_by: string }>
  ).map((k) => ({
    id: k.id,
    clientRef: clientRef(ctx.db, k.client_id),
    comment: k.comment,
    recordedBy: k.recorded_by,
    createdAt: k.created_at,
  }));
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    body: row.body,
    currentBody: amendments.at(-1)?.body ?? row.body,
    authorId: row.author_id,
    authorName: row.author_name,
    caseId: row.case_id,
    sessionId: row.session_id,
    subjects,
    otherSubjects: subjects.filter((s) => s.id !== fileClientId),
    formerSubjects: row.former_subjects,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finalisedAt: row.finalised_at,
    amendments,
    clientComments,
  };
}

/** The notes in a client's file: only records the client is a subject of, and only those this user may read. */
export function listNotes(ctx: ServiceContext, clientId: string): NoteRecord[] {
  assertClientVisible(ctx, clientId);
  if (!capabilitiesFor(ctx, clientId).readNotes) {
    throw forbidden("Note content is readable only by the client's therapist.");
  }
  const rows = selectReadableNotes(ctx, noteAbout(clientId));
  return rows.map((row) => toRecord(ctx, row, clientId));
}

/** Where a note is read or changed: its id and the client whose file it is opened from. */
export interface NoteInFile {
  noteId: string;
  clientId: string;
}

/** A note this user may read, in this client's file: a note the client is not a subject of is not found there. */
function readableNote(ctx: ServiceContext, at: NoteInFile): NoteRow {
  assertClientVisible(ctx, at.clientId);
  const row = selectReadableNotes(ctx, and({ sql: '(notes.id = ?)', params: [at.noteId] }, noteAbout(at.clientId)))[0];
  if (!row) throw notFound('That note');
  return row;
}

export function getNote(ctx: ServiceContext, at: NoteInFile): NoteRecord {
  const row = readableNote(ctx, at);
  return toRecord(ctx, row, at.clientId);
}

interface DraftTarget {
  kind: NoteKind;
  caseId: string | null;
  sessionId: string | null;
  clientId: string | null;
  subjects: string[];
}

/** Where a new note goes, and its subjects, derived from what it is about by the one rule (shared/rules/subjects). */
function resolveTarget(ctx: ServiceContext, about: NoteAbout): DraftTarget {
  const place = placeOf(ctx, about);
  const ids = (sql: string, id: string) => (prepared(ctx.db, sql, 'pluck').all(id) as string[]);
  const subjects = derivedSubjects(about, {
    attendeesOf: (sessionId) => ids('SELECT client_id FROM session_attendees WHERE session_id = ?', sessionId),
    participantsOf: (caseId) => ids('SELECT client_id FROM case_participants WHERE case_id = ?', caseId),
    client: (clientId) => [clientId],
  });
  return { ...place, subjects };
}

/** The record a new note hangs on, checked: an open case this user runs, or a client in their care. */
function placeOf(ctx: ServiceContext, about: NoteAbout): Omit<DraftTarget, 'subjects'> {
  switch (about.type) {
    case 'session': {
      const { session, caseRow } = findSession(ctx, about.sessionId);
      openCaseOf(ctx, caseRow, 'notes');
      return { kind: 'session', caseId: caseRow.id, sessionId: session.id, clientId: null };
    }
    case 'case': {
      const caseRow = findCase(ctx, about.caseId);
      openCaseOf(ctx, caseRow, 'notes');
      return { kind: 'case', caseId: caseRow.id, sessionId: null, clientId: null };
    }
    case 'client': {
      assertClientVisible(ctx, about.clientId);
      if (!capabilitiesFor(ctx, about.clientId).writeNotes) throw forbidden("Only the client's therapist can write notes about them.");
      return { kind: about.kind, caseId: null, sessionId: null, clientId: about.clientId };
    }
  }
}

function sameTarget(row: NoteRow, about: NoteAbout): boolean {
  switch (about.type) {
    case 'session':
      return row.session_id === about.sessionId;
    case 'case':
      return row.kind === 'case' && row.case_id === about.caseId;
    case 'client':
      return row.client_id === about.clientId && row.kind === about.kind;
  }
}

/** Autosave: the first save creates the draft with its derived subjects; later saves replace its text. */
export function saveDraft(
  ctx: ServiceContext,
  input: { about: NoteAbout; noteId?: string | undefined; body: string },
): { noteId: string; savedAt: string } {
  const now = ctx.now();
  if (input.noteId !== undefined) {
    const row = ownNote(ctx, input.noteId);
    if (!sameTarget(row, input.about)) throw conflict('That draft belongs to a different record.');
    if (row.status === 'final') throw conflict('This note is finalised and can no longer be edited. Add an amendment instead.');
    // An autosave of the text already stored writes nothing: no re-indexing, no commit to wait for.
    if (row.body !== input.body) prepared(ctx.db, 'UPDATE notes SET body = ?, updated_at = ? WHERE id = ?').run(input.body, now, row.id);
    return { noteId: row.id, savedAt: now };
  }
  const target = resolveTarget(ctx, input.about);
  const id = randomUUID();
  ctx.db.transaction(() => {
    // Subjects first, so the search index row is written once with them (see migration 0002).
    ctx.db.pragma('defer_foreign_keys = ON');
    const add = prepared(ctx.db, 'INSERT INTO note_subjects (note_id, client_id) VALUES (?, ?)');
    target.subjects.forEach((clientId) => add.run(id, clientId));
    prepared(
        ctx.db,
        `INSERT INTO notes (id, kind, case_id, session_id, client_id, author_id, status, body, created_at, updated_at, finalised_at)
         VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, NULL)`,
      )
      .run(id, target.kind, target.caseId, target.sessionId, target.clientId, ctx.user.id, input.body, now, now);
  })();
  return { noteId: id, savedAt: now };
}

/** A draft being autosaved is found by id alone: what it is about is checked against the draft itself. */
function ownNote(ctx: ServiceContext, noteId: string): NoteRow {
  const row = selectReadableNotes(ctx, { sql: '(notes.id = ?)', params: [noteId] })[0];
  if (!row) throw notFound('That note');
  return assertAuthor(ctx, row);
}

function assertAuthor(ctx: ServiceContext, row: NoteRow): NoteRow {
  if (row.author_id !== ctx.user.id) throw forbidden('Only the author of a note can change it.');
  return row;
}

export function finaliseNote(ctx: ServiceContext, at: NoteInFile): NoteRecord {
  const row = assertAuthor(ctx, readableNote(ctx, at));
  const noteId = row.id;
  if (row.status === 'final') throw conflict('This note is already finalised.');
  if (row.body.trim() === '') throw conflict('An empty note cannot be finalised. Write the note first.');
  const now = ctx.now();
  ctx.db.transaction(() => {
    prepared(ctx.db, `UPDATE notes SET status = 'final', finalised_at = ?, updated_at = ? WHERE id = ?`).run(now, now, noteId);
  })();
  return toRecord(ctx, readableNote(ctx, at), at.clientId);
}

/** A finalised note is never edited in place: the amendment is appended and the original stays in history. */
export function amendNote(ctx: ServiceContext, input: NoteInFile & { body: string; reason: string }): NoteRecord {
  const row = readableNote(ctx, input);
  if (row.status !== 'final') throw conflict('A draft is edited directly; only finalised notes are amended.');
  ctx.db.transaction(() => {
    prepared(ctx.db, 'INSERT INTO note_amendments (id, note_id, author_id, body, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), row.id, ctx.user.id, input.body, input.reason, ctx.now());
  })();
  return toRecord(ctx, readableNote(ctx, input), input.clientId);
}

/**
 * The client's own comment on the accuracy of a note (right to rectification), kept beside the note. It is
 * recorded in the commenting client's own file, and appears there only.
 */
export function addClientComment(ctx: ServiceContext, input: NoteInFile & { comment: string }): NoteRecord {
  const row = readableNote(ctx, input);
  if (row.status !== 'final') throw conflict('A client comments on a finalised note, not on a draft.');
  ctx.db.transaction(() => {
    prepared(ctx.db, 'INSERT INTO note_client_comments (id, note_id, client_id, comment, recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(randomUUID(), row.id, input.clientId, input.comment, ctx.user.id, ctx.now());
  })();
  return toRecord(ctx, readableNote(ctx, input), input.clientId);
}
