import { formatClientReference } from '../../../shared/client-reference';
import type { ParticipantRef } from '../../../shared/records';
import { and, caseload, type SqlPart } from './caseload';
import type { ServiceContext } from './context';

/**
 * The one place that decides who sees what (DESIGN.md 1.1 and 1.2). Every read path — client file,
 * timeline, notes, search, lists, and later exports and subject-access copies — builds its query from
 * these parts, so a rule changed here changes everywhere. The rules that name no note table live in
 * caseload.ts and are re-exported here.
 */
export { and, assertClientVisible, caseAbout, clientVisible, isClinicianFor, sessionAbout, type SqlPart } from './caseload';

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
