import { formatCaseReference, formatClientReference } from '../../../shared/client-reference';
import { addDays, clientRecordDue, isDue, type DueDecision, type RetentionFacts, type RetentionRules } from '../../../shared/rules/retention';
import type { ServiceContext } from '../services/context';
import { blockersOf, type Blocker, type BlockerCheck, blockerChecks } from './blockers';
import { retentionRules } from './rules-setting';

export interface DueClient {
  clientId: string;
  reference: string;
  decision: DueDecision;
  /** Due on or before `today`. */
  due: boolean;
  blockers: Blocker[];
}

/**
 * - `due`: due on or before today, blocked or not (a purge destroys those with no blockers);
 * - `due-within-days`: falling due after today and within `days` days;
 * - `on-hold`: under a legal hold whatever their date, or due now and stopped by any blocker.
 */
export type DueFilter = 'all' | 'due' | 'due-within-days' | 'on-hold';

export interface DueOptions {
  filter?: DueFilter;
  /** For `due-within-days`. */
  days?: number;
  /** Only these clients (one client's file, a purge's chosen set). */
  clientIds?: readonly string[];
  checks?: readonly BlockerCheck[];
}

export interface ClientRow {
  id: string;
  reference_no: number;
  date_of_birth: string | null;
  created_at: string;
  error_on: string | null;
}

/**
 * The retention facts of every client, read with SQL that selects dates and references only — never a name or
 * a note's content — so this module cannot leak what it does not read.
 */
export function retentionFacts(ctx: ServiceContext, only: readonly string[] | null): Array<{ row: ClientRow; facts: RetentionFacts }> {
  // Some clients (one client's file): the same queries, kept to those clients by a JSON list of their ids.
  const among = (column: string) => (only === null ? { sql: '', params: [] } : { sql: `WHERE ${column} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(only)] });
  const ofClients = among('c.id');
  const clients = ctx.db
    .prepare(
      `SELECT c.id, c.reference_no, c.date_of_birth, c.created_at, e.marked_on AS error_on
       FROM clients c LEFT JOIN entered_in_error e ON e.client_id = c.id ${ofClients.sql} ORDER BY c.reference_no`,
    )
    .all(...ofClients.params) as ClientRow[];
  const ofParticipants = among('cp.client_id');
  const ofSubjects = among('ns.client_id');
  const cases = new Map<string, RetentionFacts['cases'][number][]>();
  const caseRows = ctx.db
    .prepare(
      `SELECT cp.client_id, c.reference_no, c.opened_on, c.closed_on
       FROM case_participants cp JOIN cases c ON c.id = cp.case_id ${ofParticipants.sql} ORDER BY c.reference_no`,
    )
    .all(...ofParticipants.params) as Array<{ client_id: string; reference_no: number; opened_on: string; closed_on: string | null }>;
  for (const row of caseRows) {
    const list = cases.get(row.client_id) ?? [];
    list.push({ reference: formatCaseReference(row.reference_no), openedOn: row.opened_on, closedOn: row.closed_on });
    cases.set(row.client_id, list);
  }
  const lastNotes = new Map(
    (
      ctx.db
        .prepare(
          `SELECT ns.client_id, max(n.created_at) AS last_at FROM note_subjects ns JOIN notes n ON n.id = ns.note_id
           ${ofSubjects.sql} GROUP BY ns.client_id`,
        )
        .all(...ofSubjects.params) as Array<{ client_id: string; last_at: string }>
    ).map((row) => [row.client_id, row.last_at.slice(0, 10)]),
  );
  return clients.map((row) => ({
    row,
    facts: {
      dateOfBirth: row.date_of_birth,
      // Instants are stored in UTC; the day a client was added is that instant's date (docs/decisions.md).
      addedOn: row.created_at.slice(0, 10),
      lastNoteOn: lastNotes.get(row.id) ?? null,
      cases: cases.get(row.id) ?? [],
      enteredInErrorOn: row.error_on,
    },
  }));
}

/**
 * Each client's due date with its reason and whatever stops their destruction, on `today` (the core's clock)
 * under `rules` (the practice's own unless given, e.g. a proposed change being previewed). Reads dates only.
 */
export function clientsDue(ctx: ServiceContext, today: string, rules?: RetentionRules, options: DueOptions = {}): DueClient[] {
  const applied = rules ?? retentionRules(ctx);
  const filter = options.filter ?? 'all';
  const horizon = addDays(today, options.days ?? 0);
  const decided = retentionFacts(ctx, options.clientIds ?? null).map(({ row, facts }) => {
    const decision = clientRecordDue(facts, applied);
    return { clientId: row.id, reference: formatClientReference(row.reference_no), decision, due: isDue(decision, today), blockers: [] };
  });
  // Blockers can only matter to an on-hold list or a due client; others are read only for the lists that show them.
  const candidates = decided.filter((client) => filter === 'all' || filter === 'on-hold' || inList(client, filter, horizon));
  const blockers = blockersOf(ctx, candidates.map((client) => client.clientId), today, options.checks ?? blockerChecks);
  return candidates
    .map((client) => ({ ...client, blockers: blockers.get(client.clientId) ?? [] }))
    .filter((client) => inList(client, filter, horizon));
}

/** Whether a client (with their blockers) belongs in a list; `horizon` is today plus the days of `due-within-days`. */
export function inList(client: DueClient, filter: DueFilter, horizon: string): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'due':
      return client.due;
    case 'due-within-days':
      return !client.due && client.decision.dueOn !== null && client.decision.dueOn <= horizon;
    case 'on-hold':
      return client.blockers.some((b) => b.kind === 'legal-hold') || (client.due && client.blockers.length > 0);
  }
}

/** One client's due date and blockers (the client file). Undefined for a client not in the vault. */
export function clientDue(ctx: ServiceContext, clientId: string, today: string): DueClient | undefined {
  return clientsDue(ctx, today, undefined, { clientIds: [clientId] })[0];
}
