import { notFound } from '../errors';
import type { ServiceContext } from './context';

/**
 * Who may see which clients, sessions and cases (DESIGN.md 1.1): the half of the visibility rules that names
 * no note table. visibility.ts adds the note rules and re-exports these, so every read path still has one
 * home for its rules; modules that must not reach note content (the attendance summary) import this file only.
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
export function caseload(ctx: ServiceContext, client: string): SqlPart {
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

/** Whether this user works clinically with the client, which is what reading their notes needs. */
export function isClinicianFor(ctx: ServiceContext, clientId: string): boolean {
  const part = caseload(ctx, 'clients');
  return !!ctx.db.prepare(`SELECT 1 FROM clients WHERE id = ? AND (${part.sql})`).get(clientId, ...part.params);
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
