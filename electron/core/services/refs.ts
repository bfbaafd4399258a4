import { formatClientReference } from '../../../shared/client-reference';
import type { ParticipantRef } from '../../../shared/records';
import type { Db } from '../vault/database';
import { prepared } from '../vault/statements';

interface RefRow {
  id: string;
  reference_no: number;
  name: string;
}

function toRef(row: RefRow): ParticipantRef {
  return { id: row.id, reference: formatClientReference(row.reference_no), name: row.name };
}

/** Clients linked to a record through a link table, by name and reference, ordered by reference. */
function linkedClients(db: Db, table: string, key: string, id: string): ParticipantRef[] {
  const rows = prepared(db, `SELECT c.id, c.reference_no, c.name FROM ${table} l JOIN clients c ON c.id = l.client_id WHERE l.${key} = ? ORDER BY c.reference_no`)
    .all(id) as RefRow[];
  return rows.map(toRef);
}

export const subjectsOfNote = (db: Db, noteId: string) => linkedClients(db, 'note_subjects', 'note_id', noteId);
export const attendeesOfSession = (db: Db, sessionId: string) => linkedClients(db, 'session_attendees', 'session_id', sessionId);
export const attendeesOfCorrection = (db: Db, correctionId: string) =>
  linkedClients(db, 'session_correction_attendees', 'correction_id', correctionId);
export const participantsOfCase = (db: Db, caseId: string) => linkedClients(db, 'case_participants', 'case_id', caseId);

export function clientRef(db: Db, clientId: string): ParticipantRef {
  return toRef(prepared(db, 'SELECT id, reference_no, name FROM clients WHERE id = ?').get(clientId) as RefRow);
}

