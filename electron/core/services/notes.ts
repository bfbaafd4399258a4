import { randomUUID } from 'node:crypto';
import type { Note } from '../../../shared/schemas';
import { conflict, notFound } from '../errors';
import { assertCanReadNotes } from './access';
import type { ServiceContext } from './context';

interface NoteRow {
  id: string;
  client_id: string;
  author_id: string;
  author_name: string;
  status: 'draft' | 'final';
  body: string;
  created_at: string;
  updated_at: string;
  finalised_at: string | null;
}

const SELECT_NOTE = `SELECT notes.*, users.name AS author_name FROM notes JOIN users ON users.id = notes.author_id`;

function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    clientId: row.client_id,
    status: row.status,
    body: row.body,
    authorName: row.author_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finalisedAt: row.finalised_at,
  };
}

/**
 * A client's notes: the final notes whose subject set includes the client, and this user's own drafts.
 * Drafts are private to their author until finalised.
 */
export function listNotes(ctx: ServiceContext, clientId: string): Note[] {
  assertCanReadNotes(ctx, clientId);
  const rows = ctx.db
    .prepare(
      `${SELECT_NOTE}
       JOIN note_subjects ON note_subjects.note_id = notes.id AND note_subjects.client_id = ?
       WHERE notes.status = 'final' OR notes.author_id = ?
       ORDER BY notes.created_at DESC, notes.id`,
    )
    .all(clientId, ctx.user.id) as NoteRow[];
  ctx.audit({ action: 'notes.view', targetId: clientId, detail: { count: rows.length } });
  return rows.map(toNote);
}

function ownNote(ctx: ServiceContext, noteId: string): NoteRow {
  const row = ctx.db.prepare(`${SELECT_NOTE} WHERE notes.id = ?`).get(noteId) as NoteRow | undefined;
  if (!row || (row.status === 'draft' && row.author_id !== ctx.user.id)) throw notFound('That note');
  assertCanReadNotes(ctx, row.client_id);
  return row;
}

/** Autosave: the first save creates the draft (its subject is the client), later saves replace its text. */
export function saveDraft(
  ctx: ServiceContext,
  input: { clientId: string; noteId?: string | undefined; body: string },
): { noteId: string; savedAt: string } {
  const now = ctx.now();
  if (input.noteId === undefined) {
    assertCanReadNotes(ctx, input.clientId);
    const id = randomUUID();
    ctx.db.transaction(() => {
      ctx.db
        .prepare(
          `INSERT INTO notes (id, client_id, author_id, status, body, created_at, updated_at, finalised_at)
           VALUES (?, ?, ?, 'draft', ?, ?, ?, NULL)`,
        )
        .run(id, input.clientId, ctx.user.id, input.body, now, now);
      ctx.db.prepare('INSERT INTO note_subjects (note_id, client_id) VALUES (?, ?)').run(id, input.clientId);
      ctx.audit({ action: 'note.draft.create', targetId: id });
    })();
    return { noteId: id, savedAt: now };
  }
  const note = ownNote(ctx, input.noteId);
  if (note.client_id !== input.clientId) throw notFound('That note');
  if (note.status === 'final') throw conflict('This note is finalised and can no longer be edited.');
  ctx.db.prepare('UPDATE notes SET body = ?, updated_at = ? WHERE id = ?').run(input.body, now, note.id);
  return { noteId: note.id, savedAt: now };
}

export function finaliseNote(ctx: ServiceContext, noteId: string): Note {
  const note = ownNote(ctx, noteId);
  if (note.status === 'final') throw conflict('This note is already finalised.');
  if (note.body.trim() === '') throw conflict('An empty note cannot be finalised. Write the note first.');
  const now = ctx.now();
  ctx.db.transaction(() => {
    ctx.db.prepare(`UPDATE notes SET status = 'final', finalised_at = ?, updated_at = ? WHERE id = ?`).run(now, now, noteId);
    ctx.audit({ action: 'note.finalise', targetId: noteId });
  })();
  return toNote(ctx.db.prepare(`${SELECT_NOTE} WHERE notes.id = ?`).get(noteId) as NoteRow);
}
