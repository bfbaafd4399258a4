import { formatCaseReference } from '../../../shared/client-reference';
import type { EnteredInErrorMark, SessionInError } from '../../../shared/retention';
import type { ServiceContext } from '../services/context';

/**
 * The reasons directors gave for marking records as entered in error, for the client file and the dashboard.
 * Read apart from the due-date reckoning, which reads dates and references only, and only for the few clients
 * shown with that rule.
 */
export function clientErrorMarks(ctx: ServiceContext, clientIds: readonly string[]): Map<string, EnteredInErrorMark> {
  if (clientIds.length === 0) return new Map();
  const rows = ctx.db
    .prepare(
      `SELECT e.client_id, e.reason, e.marked_on, u.name FROM entered_in_error e JOIN users u ON u.id = e.marked_by
       WHERE e.client_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(clientIds)) as Array<{ client_id: string; reason: string; marked_on: string; name: string }>;
  return new Map(rows.map((row) => [row.client_id, { reason: row.reason, markedBy: row.name, markedOn: row.marked_on }]));
}

/** Sessions marked as entered in error: every one (the dashboard), or those one client attended (their file). */
export function sessionErrorMarks(ctx: ServiceContext, attendedBy?: string): SessionInError[] {
  const rows = ctx.db
    .prepare(
      `SELECT e.session_id, e.reason, e.marked_on, u.name, c.reference_no, substr(s.starts_at, 1, 10) AS on_day,
              EXISTS (SELECT 1 FROM legal_holds h WHERE h.released_at IS NULL AND (h.case_id = s.case_id
                OR h.client_id IN (SELECT client_id FROM session_attendees WHERE session_id = s.id))) AS held
       FROM entered_in_error e JOIN sessions s ON s.id = e.session_id JOIN cases c ON c.id = s.case_id
       JOIN users u ON u.id = e.marked_by
       WHERE @client IS NULL OR s.id IN (SELECT session_id FROM session_attendees WHERE client_id = @client)
       ORDER BY c.reference_no, s.starts_at`,
    )
    .all({ client: attendedBy ?? null }) as Array<{
    session_id: string;
    reason: string;
    marked_on: string;
    name: string;
    reference_no: number;
    on_day: string;
    held: number;
  }>;
  return rows.map((row) => ({
    sessionId: row.session_id,
    caseReference: formatCaseReference(row.reference_no),
    on: row.on_day,
    held: row.held === 1,
    reason: row.reason,
    markedBy: row.name,
    markedOn: row.marked_on,
  }));
}
