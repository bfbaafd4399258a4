import type { CaseRecord, NoteRecord, SessionRecord } from '../../../shared/records';
import type { ClientDetail } from '../../../shared/schemas';
import { listCases } from './cases';
import { viewClient } from './clients';
import type { ServiceContext } from './context';
import { listNotes } from './notes';
import { listSessions } from './sessions';

export interface ClientFile {
  client: ClientDetail;
  cases: CaseRecord[];
  sessions: SessionRecord[];
  /** Null where this user may not read the client's notes (`client.can.readNotes`). */
  notes: NoteRecord[] | null;
}

/**
 * The client file as its screen shows it, in one call: each part comes from the same service as its own method,
 * so the visibility and role rules are those methods' rules, and the file costs one audit entry (one commit)
 * instead of four.
 */
export function openClientFile(ctx: ServiceContext, clientId: string): ClientFile {
  const client = viewClient(ctx, clientId);
  return {
    client,
    cases: listCases(ctx, clientId),
    sessions: listSessions(ctx, clientId),
    notes: client.can.readNotes ? listNotes(ctx, clientId) : null,
  };
}
