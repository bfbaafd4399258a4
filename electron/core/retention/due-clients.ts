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
 * The retention facts of every client (or of `only`), read with SQL that selects dates and references only —
 * never a name or a note's content — so this module cannot leak what it does not read.
 *
 * For the whole practice each table is read once in its own order and joined here: a join in SQL looks each
 * row up at random in another table, and at 100,000 clients those lookups outgrow SQLCipher's page cache and
 * decrypt the same pages again and again (seconds, where these scans take a fraction of one).
 */
export function retentionFacts(ctx: ServiceContext, only: readonly string[] | null): Array<{ row: ClientRow; facts: RetentionFacts }> {
  const ids = only === null ? null : JSON.stringify(only);
  const clients = (
    ids === null
      ? ctx.db.prepare('SELECT id, reference_no, date_of_birth, created_at FROM clients').all()
      : ctx.db.prepare('SELECT id, reference_no, date_of_birth, created_at FROM clients WHERE id IN (SELECT value FROM json_each(?))').all(ids)
  ) as Array<Omit<ClientRow, 'error_on'>>;
  const inError = new Map(
    (ctx.db.prepare('SELECT client_id, marked_on FROM entered_in_error WHERE client_id IS NOT NULL').all() as Array<{ client_id: string; marked_on: string }>).map(
      (row) => [row.client_id, row.marked_on],
    ),
  );

  type CaseRow = { id: string; reference_no: number; opened_on: string; closed_on: string | null };
  const participants = (
    ids === null
      ? ctx.db.prepare('SELECT case_id, client_id FROM case_participants').all()
      : ctx.db.prepare('SELECT case_id, client_id FROM case_participants WHERE client_id IN (SELECT value FROM json_each(?))').all(ids)
  ) as Array<{ case_id: string; client_id: string }>;
  const caseRows = (
    ids === null
      ? ctx.db.prepare('SELECT id, reference_no, opened_on, closed_on FROM cases').all()
      : ctx.db
          .prepare('SELECT id, reference_no, opened_on, closed_on FROM cases WHERE id IN (SELECT value FROM json_each(?))')
          .all(JSON.stringify([...new Set(participants.map((p) => p.case_id))]))
  ) as CaseRow[];
  const caseById = new Map(caseRows.map((row) => [row.id, row]));
  const casesOf = new Map<string, CaseRow[]>();
  for (const { case_id, client_id } of participants) {
    const kase = caseById.get(case_id);
    if (!kase) continue;
    const list = casesOf.get(client_id) ?? [];
    list.push(kase);
    casesOf.set(client_id, list);
  }

  // Only a client who never had a case is dated by their last note, so only their notes' dates are read.
  const caseless = clients.filter((client) => !casesOf.has(client.id)).map((client) => client.id);
  const lastNotes = new Map(
    (
      ctx.db
        .prepare(
          `SELECT ns.client_id, max(n.created_at) AS last_at FROM note_subjects ns JOIN notes n ON n.id = ns.note_id
           WHERE ns.client_id IN (SELECT value FROM json_each(?)) GROUP BY ns.client_id`,
        )
        .all(JSON.stringify(caseless)) as Array<{ client_id: string; last_at: string }>
    ).map((row) => [row.client_id, row.last_at.slice(0, 10)]),
  );

  return clients
    .sort((a, b) => a.reference_no - b.reference_no)
    .map((client) => {
      const row: ClientRow = { ...client, error_on: inError.get(client.id) ?? null };
      const cases = (casesOf.get(client.id) ?? [])
        .sort((a, b) => a.reference_no - b.reference_no)
        .map((kase) => ({ reference: formatCaseReference(kase.reference_no), openedOn: kase.opened_on, closedOn: kase.closed_on }));
      return {
        row,
        facts: {
          dateOfBirth: client.date_of_birth,
          // Instants are stored in UTC; the day a client was added is that instant's date (docs/decisions.md).
          addedOn: client.created_at.slice(0, 10),
          lastNoteOn: lastNotes.get(client.id) ?? null,
          cases,
          enteredInErrorOn: row.error_on,
        },
      };
    });
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
