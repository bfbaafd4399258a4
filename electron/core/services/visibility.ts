import { formatClientReference } from '../../../shared/client-reference';
import type { ParticipantRef } from '../../../shared/records';
import { notFound } from '../errors';
import type { ServiceContext } from './context';

/**
 * The one place that decides who sees what (DESIGN.md 1.1 and 1.2). Every read path — client file,
 * timeline, notes, search, lists, and later exports and subject-access copies — builds its query from
 * these parts, so a rule changed here changes everywhere.
 */
/** A condition and its parameters. `sql` is always parenthesised, so parts compose with AND and OR safely. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

export const and = (...parts: SqlPart[]): SqlPart => ({
  sql: `(${parts.map((p) => p.sql).join(' AND ')})`,
  params: parts.flatMap((p) => p.params),
});

/** A therapist's caseload: clients assigned to them, or in a case they run. */
function caseload(ctx: ServiceContext, client: string): SqlPart {
  return {
    sql: `(${client}.therapist_id = ? OR EXISTS (
            SELECT 1 FROM case_participants cp JOIN cases c ON c.id = cp.case_id
            WHERE cp.client_id = ${client}.id AND c.therapist_id = ?))`,
    params: [ctx.user.id, ctx.user.id],
  };
}

/** Clients whose identity and dates this user may see: a director sees all, a therapist their caseload. */
export function clientVisible(ctx: ServiceContext, client = 'clients'): SqlPart {
  return ctx.user.is_director ? { sql: '(1 = 1)', params: [] } : caseload(ctx, client);
}

export function assertClientVisible(ctx: ServiceContext, clientId: string): void {
  const part = clientVisible(ctx);
  const row = ctx.db.prepare(`SELECT 1 FROM clients WHERE id = ? AND (${part.sql})`).get(clientId, ...part.params);
  // "Not found" rather than "forbidden": another therapist's client must not be confirmed to exist.
  if (!row) throw notFound('That client');
}

/**
 * The subjects of a note under whom this user may see it: the subject-set rule (only its subjects) joined with
 * the caseload rule (only clients in this user's care). A search hit is listed once under each.
 */
export function subjectsInCare(ctx: ServiceContext, noteId: string): ParticipantRef[] {
  const care = caseload(ctx, 'c');
  const rows = ctx.db
    .prepare(
      `SELECT c.id, c.reference_no, c.name FROM note_subjects s JOIN clients c ON c.id = s.client_id
       WHERE s.note_id = ? AND ${care.sql} ORDER BY c.reference_no`,
    )
    .all(noteId, ...care.params) as Array<{ id: string; reference_no: number; name: string }>;
  return rows.map((row) => ({ id: row.id, reference: formatClientReference(row.reference_no), name: row.name }));
}

/** Whether this user works clinically with the client, which is what reading their notes needs. */
export function isClinicianFor(ctx: ServiceContext, clientId: string): boolean {
  const part = caseload(ctx, 'clients');
  return !!ctx.db.prepare(`SELECT 1 FROM clients WHERE id = ? AND (${part.sql})`).get(clientId, ...part.params);
}

/**
 * Note content this user may read: final notes (drafts only by their author), written by them, or in a case
 * they run, or — for client and contact notes — about a client assigned to them.
 */
export function noteReadable(ctx: ServiceContext, note = 'notes'): SqlPart {
  return {
    sql: `((${note}.status = 'final' OR ${note}.author_id = ?) AND (
            ${note}.author_id = ?
            OR EXISTS (SELECT 1 FROM cases c WHERE c.id = ${note}.case_id AND c.therapist_id = ?)
            OR EXISTS (SELECT 1 FROM clients cl WHERE cl.id = ${note}.client_id AND cl.therapist_id = ?)))`,
    params: [ctx.user.id, ctx.user.id, ctx.user.id, ctx.user.id],
  };
}

/** The subject-set rule: a record belongs in a client's file only if that client is one of its subjects. */
export function noteAbout(clientId: string, note = 'notes'): SqlPart {
  return { sql: `(${note}.id IN (SELECT note_id FROM note_subjects WHERE client_id = ?))`, params: [clientId] };
}

/** Sessions in a client's file: only those the client is a subject (attendee) of, in cases this user may see. */
export function sessionAbout(ctx: ServiceContext, clientId: string, session = 'sessions'): SqlPart {
  const visibleCase = ctx.user.is_director
    ? { sql: '(1 = 1)', params: [] }
    : {
        sql: `(EXISTS (SELECT 1 FROM cases c WHERE c.id = ${session}.case_id AND c.therapist_id = ?)
              OR EXISTS (SELECT 1 FROM clients cl WHERE cl.id = ? AND cl.therapist_id = ?))`,
        params: [ctx.user.id, clientId, ctx.user.id],
      };
  return and(
    { sql: `(${session}.id IN (SELECT session_id FROM session_attendees WHERE client_id = ?))`, params: [clientId] },
    visibleCase,
  );
}

/** Cases in a client's file: those the client takes part in, run by this user or visible to a director. */
export function caseAbout(ctx: ServiceContext, clientId: string, kase = 'cases'): SqlPart {
  const visible = ctx.user.is_director
    ? { sql: '(1 = 1)', params: [] }
    : {
        sql: `(${kase}.therapist_id = ? OR EXISTS (SELECT 1 FROM clients cl WHERE cl.id = ? AND cl.therapist_id = ?))`,
        params: [ctx.user.id, clientId, ctx.user.id],
      };
  return and({ sql: `(${kase}.id IN (SELECT case_id FROM case_participants WHERE client_id = ?))`, params: [clientId] }, visible);
}

/**
 * Recordings this user may see listed (identity and dates, never the recording itself): a director all; a
 * therapist those of sessions in cases they run, or with a subject assigned to them — as for sessions.
 */
export function recordingVisible(ctx: ServiceContext, recording = 'recordings'): SqlPart {
  if (ctx.user.is_director) return { sql: '(1 = 1)', params: [] };
  return {
    sql: `(EXISTS (SELECT 1 FROM sessions s JOIN cases c ON c.id = s.case_id WHERE s.id = ${recording}.session_id AND c.therapist_id = ?)
           OR EXISTS (SELECT 1 FROM recording_subjects rs JOIN clients cl ON cl.id = rs.client_id
                      WHERE rs.recording_id = ${recording}.id AND cl.therapist_id = ?))`,
    params: [ctx.user.id, ctx.user.id],
  };
}

/** Recordings in a client's file: the subject-set rule (the client is one of its subjects), in cases this user may see. */
export function recordingAbout(ctx: ServiceContext, clientId: string, recording = 'recordings'): SqlPart {
  const visibleCase = ctx.user.is_director
    ? { sql: '(1 = 1)', params: [] }
    : {
        sql: `(EXISTS (SELECT 1 FROM sessions s JOIN cases c ON c.id = s.case_id WHERE s.id = ${recording}.session_id AND c.therapist_id = ?)
              OR EXISTS (SELECT 1 FROM clients cl WHERE cl.id = ? AND cl.therapist_id = ?))`,
        params: [ctx.user.id, clientId, ctx.user.id],
      };
  return and(
    { sql: `(${recording}.id IN (SELECT recording_id FROM recording_subjects WHERE client_id = ?))`, params: [clientId] },
    visibleCase,
  );
}
