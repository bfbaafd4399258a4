import type { ParticipantRef, SearchHit } from '../../../shared/records';
import type { ServiceContext } from './context';
import { clientRef } from './refs';
import { formatClientReference } from '../../../shared/client-reference';
import { assertClientVisible, clientVisible, isClinicianFor, noteReadable, subjectsInCare } from './visibility';
import { prepared } from '../vault/statements';

const MAX_HITS = 50;

/**
 * What the person typed, as an FTS5 query: each word a quoted phrase (so punctuation inside a word, like
 * C-0042, keeps its parts together), the last one matching as a prefix. No FTS5 syntax gets through.
 */
export function toFtsQuery(text: string): string | null {
  const terms = text
    .split(/\s+/)
    .map((term) => term.replaceAll('"', ''))
    .filter((term) => /[\p{L}\p{N}]/u.test(term));
  if (terms.length === 0) return null;
  return terms.map((term, i) => `"${term}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}

interface NoteHitRow {
  id: string;
  snippet: string;
}

/**
 * Notes matching the query that this user may read, newest first: FTS5 walks its index in rowid order and
 * stops at the limit. Inside one client's file the query also names the client's subject token, so the
 * index intersects the two lists instead of scanning every match (measured in docs/benchmarks.md).
 */
function noteHits(ctx: ServiceContext, query: string, subjectToken: string | null): NoteHitRow[] {
  const readable = noteReadable(ctx);
  const match = `text : (${query})${subjectToken ? ` AND subjects : "${subjectToken}"` : ''}`;
  const fromNotes = prepared(
      ctx.db,
      `SELECT notes.id, snippet(notes_fts, 0, '', '', '…', 12) AS snippet
       FROM notes_fts JOIN notes ON notes.seq = notes_fts.rowid
       WHERE notes_fts MATCH ? AND ${readable.sql} ORDER BY notes_fts.rowid DESC LIMIT ${MAX_HITS}`,
    )
    .all(match, ...readable.params) as NoteHitRow[];
  const fromAmendments = prepared(
      ctx.db,
      `SELECT notes.id, snippet(note_amendments_fts, 0, '', '', '…', 12) AS snippet
       FROM note_amendments_fts JOIN note_amendments a ON a.seq = note_amendments_fts.rowid JOIN notes ON notes.id = a.note_id
       WHERE note_amendments_fts MATCH ? AND ${readable.sql} ORDER BY note_amendments_fts.rowid DESC LIMIT ${MAX_HITS}`,
    )
    .all(match, ...readable.params) as NoteHitRow[];
  const seen = new Set<string>();
  return [...fromNotes, ...fromAmendments].filter((row) => !seen.has(row.id) && seen.add(row.id));
}

/**
 * Full-text search over notes and client details, through the same visibility rules as every other read:
 * a note is found only by someone who may read it, and is shown only under the clients it is about.
 */
export function search(ctx: ServiceContext, input: { text: string; clientId?: string | undefined }): SearchHit[] {
  const match = toFtsQuery(input.text);
  if (match === null) return [];
  const hits: SearchHit[] = [];
  if (input.clientId !== undefined) {
    assertClientVisible(ctx, input.clientId);
    if (isClinicianFor(ctx, input.clientId)) {
      const client = clientRef(ctx.db, input.clientId);
      const { reference_no } = prepared(ctx.db, 'SELECT reference_no FROM clients WHERE id = ?').get(client.id) as { reference_no: number };
      for (const row of noteHits(ctx, match, `s${reference_no}`)) hits.push({ kind: 'note', client, noteId: row.id, snippet: row.snippet });
    }
  } else {
    const visible = clientVisible(ctx);
    const clients = prepared(
        ctx.db,
        `SELECT clients.id, clients.reference_no, clients.name FROM clients_fts JOIN clients ON clients.reference_no = clients_fts.rowid
         WHERE clients_fts MATCH ? AND ${visible.sql} ORDER BY clients_fts.rank LIMIT ${MAX_HITS}`,
      )
      .all(match, ...visible.params) as Array<{ id: string; reference_no: number; name: string }>;
    for (const c of clients) {
      const ref: ParticipantRef = { id: c.id, reference: formatClientReference(c.reference_no), name: c.name };
      hits.push({ kind: 'client', client: ref, noteId: null, snippet: `${c.name} (${ref.reference})` });
    }
    for (const row of noteHits(ctx, match, null)) {
      for (const subject of subjectsInCare(ctx, row.id)) hits.push({ kind: 'note', client: subject, noteId: row.id, snippet: row.snippet });
    }
  }
  return hits.slice(0, MAX_HITS * 2);
}
