import { forbidden, notFound } from '../errors';
import type { ServiceContext } from './context';

interface ClientAccessRow {
  id: string;
  therapist_id: string;
}

/**
 * Who may see what (DESIGN.md 1.1): a therapist sees their own caseload; a director sees every client's
 * identity but not note content of another therapist's clients. Every read path asks here.
 */
export function assertCanSeeClient(ctx: ServiceContext, clientId: string): void {
  const client = ctx.db.prepare('SELECT id, therapist_id FROM clients WHERE id = ?').get(clientId) as
    | ClientAccessRow
    | undefined;
  if (!client) throw notFound('That client');
  if (client.therapist_id === ctx.user.id || ctx.user.is_director) return;
  throw notFound('That client');
}

export function assertCanReadNotes(ctx: ServiceContext, clientId: string): void {
  assertCanSeeClient(ctx, clientId);
  const client = ctx.db.prepare('SELECT therapist_id FROM clients WHERE id = ?').get(clientId) as ClientAccessRow;
  if (client.therapist_id !== ctx.user.id) {
    throw forbidden("Notes are readable only by the client's therapist.");
  }
}

/** SQL condition selecting the clients this user may see, for list queries. */
export function visibleClientsCondition(ctx: ServiceContext): { sql: string; params: string[] } {
  if (ctx.user.is_director) return { sql: '1 = 1', params: [] };
  return { sql: 'clients.therapist_id = ?', params: [ctx.user.id] };
}
