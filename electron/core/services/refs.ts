import { formatCaseReference, formatClientReference } from '../../../shared/client-reference';
import type { ParticipantRef } from '../../../shared/records';
import type { Db } from '../vault/database';

interface RefRow {
  id: string;
  reference_no: number;
  name: string;
}

function toRef(row: RefRow): ParticipantRef {
  return { id: row.id, reference: formatClientReference(row.reference_no), name: row.name };
}

/** The clients a record is about, by name and reference, ordered by reference. */
export function subjectsOfNote(db: Db, noteId: string): ParticipantRef[] {
  return (
    db
      .prepare(
        `SELECT c.id, c.reference_no, c.name FROM note_subjects s JOIN clients c ON c.id = s.client_id
         WHERE s.note_id = ? ORDER BY c.reference_no`,
      )
      .all(noteId) as RefRow[]
  ).map(toRef);
}

export function attendeesOfSession(db: Db, sessionId: string): ParticipantRef[] {
  return (
    db
      .prepare(
        `SELECT c.id, c.reference_no, c.name FROM session_attendees a JOIN clients c ON c.id = a.client_id
         WHERE a.session_id = ? ORDER BY c.reference_no`,
      )
      .all(sessionId) as RefRow[]
  ).map(toRef);
}

export function participantsOfCase(db: Db, caseId: string): ParticipantRef[] {
  return (
    db
      .prepare(
        `SELECT c.id, c.reference_no, c.name FROM case_participants p JOIN clients c ON c.id = p.client_id
         WHERE p.case_id = ? ORDER BY c.reference_no`,
      )
      .all(caseId) as RefRow[]
  ).map(toRef);
}

export function clientRef(db: Db, clientId: string): ParticipantRef {
  return toRef(db.prepare('SELECT id, reference_no, name FROM clients WHERE id = ?').get(clientId) as RefRow);
}

export { formatCaseReference };
