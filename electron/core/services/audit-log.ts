import type { AuditLogEntry, AuditLogQuery } from '../../../shared/schemas';
import { formatClientReference } from '../../../shared/client-reference';
import { forbidden } from '../errors';
import type { ServiceContext } from './context';
import { resolveReference } from './references';

const PAGE = 200;

interface Row {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_id: string | null;
  detail: string;
}

/** Records a client is a subject or participant of, by id: what "entries about this client" means. */
const RECORDS_OF_CLIENT = `
  SELECT ? UNION ALL SELECT note_id FROM note_subjects WHERE client_id = ?
  UNION ALL SELECT case_id FROM case_participants WHERE client_id = ?
  UNION ALL SELECT session_id FROM session_attendees WHERE client_id = ?
  UNION ALL SELECT id FROM release_consents WHERE client_id = ?
  UNION ALL SELECT recording_id FROM recording_subjects WHERE client_id = ?
  UNION ALL SELECT id FROM recording_consents WHERE client_id = ?`;

/** The clients an entry is about, by reference: the target itself, or the subjects of the record it names. */
const CLIENTS_OF_TARGET = `
  SELECT reference_no FROM clients WHERE id = @target
  UNION SELECT c.reference_no FROM note_subjects s JOIN clients c ON c.id = s.client_id WHERE s.note_id = @target
  UNION SELECT c.reference_no FROM case_participants p JOIN clients c ON c.id = p.client_id WHERE p.case_id = @target
  UNION SELECT c.reference_no FROM session_attendees a JOIN clients c ON c.id = a.client_id WHERE a.session_id = @target
  UNION SELECT c.reference_no FROM release_consents r JOIN clients c ON c.id = r.client_id WHERE r.id = @target
  UNION SELECT c.reference_no FROM recording_subjects r JOIN clients c ON c.id = r.client_id WHERE r.recording_id = @target
  UNION SELECT c.reference_no FROM recording_consents k JOIN clients c ON c.id = k.client_id WHERE k.id = @target
  ORDER BY 1`;

/** A local calendar day's first instant, as the UTC ISO string the log stores. */
function startOfLocalDay(isoDate: string, plusDays = 0): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

/** The audit log for a practice director: newest first, a page at a time, filtered; ids and counts only. */
export function readAuditLog(ctx: ServiceContext, query: AuditLogQuery): { entries: AuditLogEntry[]; more: boolean } {
  if (!ctx.user.is_director) throw forbidden('Only a practice director can read the audit log.');
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.userId !== undefined) {
    where.push('a.actor_id = ?');
    params.push(query.userId);
  }
  if (query.action !== undefined) {
    where.push('a.action = ?');
    params.push(query.action);
  }
  if (query.clientReference !== undefined) {
    const client = resolveReference(ctx, query.clientReference);
    where.push(`a.target_id IN (${RECORDS_OF_CLIENT})`);
    params.push(client.id, client.id, client.id, client.id, client.id, client.id, client.id);
  }
  if (query.from !== undefined) {
    where.push('a.at >= ?');
    params.push(startOfLocalDay(query.from));
  }
  if (query.to !== undefined) {
    where.push('a.at < ?');
    params.push(startOfLocalDay(query.to, 1));
  }
  if (query.beforeSeq !== undefined) {
    where.push('a.seq < ?');
    params.push(query.beforeSeq);
  }
  const rows = ctx.db
    .prepare(
      `SELECT a.seq, a.at, a.actor_id, u.name AS actor_name, a.action, a.target_id, a.detail
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.seq DESC LIMIT ${PAGE + 1}`,
    )
    .all(...params) as Row[];
  const clientsOf = ctx.db.prepare(CLIENTS_OF_TARGET).pluck();
  const entries = rows.slice(0, PAGE).map((row) => ({
    seq: row.seq,
    at: row.at,
    actor: row.actor_id === null ? null : { id: row.actor_id, name: row.actor_name ?? 'a removed user' },
    action: row.action,
    clientReferences: row.target_id === null ? [] : (clientsOf.all({ target: row.target_id }) as number[]).map(formatClientReference),
    detail: JSON.parse(row.detail) as AuditLogEntry['detail'],
  }));
  return { entries, more: rows.length > PAGE };
}
