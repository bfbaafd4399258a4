import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { newSession, SessionRecord } from '../../../shared/records';
import { ConfideError, conflict, notFound } from '../errors';
import { assertRunsCase, findCase, type CaseRow } from './cases';
import type { ServiceContext } from './context';
import { attendeesOfSession } from './refs';
import { assertClientVisible, sessionAbout } from './visibility';

interface SessionRow {
  id: string;
  case_id: string;
  case_kind: SessionRecord['caseKind'];
  starts_at: string;
  duration_minutes: number;
  modality: SessionRecord['modality'];
  status: SessionRecord['status'];
}

const SELECT_SESSION = 'SELECT sessions.*, cases.kind AS case_kind FROM sessions JOIN cases ON cases.id = sessions.case_id';

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
    individual: attendees.length === 1,
  };
}

/** A client's timeline: only sessions the client is a subject of. A partner's individual session is not here. */
export function listSessions(ctx: ServiceContext, clientId: string): SessionRecord[] {
  assertClientVisible(ctx, clientId);
  const about = sessionAbout(ctx, clientId);
  const rows = ctx.db
    .prepare(`${SELECT_SESSION} WHERE ${about.sql} ORDER BY sessions.starts_at DESC, sessions.id`)
    .all(...about.params) as SessionRow[];
  return rows.map((row) => toRecord(ctx, row, clientId));
}

/** A session that can take new records: one the user runs, in a case still open. */
export function openCaseOf(ctx: ServiceContext, caseRow: CaseRow, what: string): void {
  assertRunsCase(ctx, caseRow);
  if (caseRow.closed_on !== null) throw conflict(`This case is closed, so ${what} cannot be added to it.`);
}

export function createSession(ctx: ServiceContext, input: z.output<typeof newSession>): SessionRecord {
  const caseRow = findCase(ctx, input.caseId);
  openCaseOf(ctx, caseRow, 'sessions');
  if (input.startsAt.slice(0, 10) < caseRow.opened_on) {
    throw new ConfideError('invalid-input', 'A session cannot be before the day its case opened.');
  }
  const participants = new Set(
    (ctx.db.prepare('SELECT client_id FROM case_participants WHERE case_id = ?').all(caseRow.id) as Array<{ client_id: string }>).map(
      (r) => r.client_id,
    ),
  );
  const attendees = [...new Set(input.attendeeIds)];
  if (attendees.some((clientId) => !participants.has(clientId))) {
    throw new ConfideError('invalid-input', 'Every attendee must be a participant in this case.');
  }
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
