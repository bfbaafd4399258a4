import { formatCaseReference } from '../../../shared/client-reference';
import { longDate } from '../../../shared/long-date';
import type { BlockerKind } from '../../../shared/retention';
import type { ServiceContext } from '../services/context';

/** Something that stops a client's destruction, in words that name no one (dashboard, wizard, client file). */
export interface Blocker {
  kind: BlockerKind;
  words: string;
}

export interface ClientBlocker {
  clientId: string;
  blocker: Blocker;
}

/**
 * One kind of blocker: given the clients in question, the blockers on each. A check reads the few open rows of
 * its own table and keeps those about the clients asked for, so it costs the same for ten clients or 100,000.
 * A later kind (an open subject-access request) is one more entry in `blockerChecks`.
 */
export type BlockerCheck = (ctx: ServiceContext, clientIds: ReadonlySet<string>, today: string) => ClientBlocker[];

const HOLD_WORDS = { court: 'a court', coroner: 'a coroner’s', complaint: 'a complaint', investigation: 'an investigation' } as const;

/** An open legal hold on the client, or on a case they take part in. */
export const legalHolds: BlockerCheck = (ctx, clientIds) => {
  const rows = ctx.db
    .prepare(
      `SELECT h.client_id AS client_id, h.kind, h.placed_at, NULL AS case_no FROM legal_holds h
         WHERE h.released_at IS NULL AND h.client_id IS NOT NULL
       UNION ALL
       SELECT cp.client_id, h.kind, h.placed_at, c.reference_no FROM legal_holds h
         JOIN cases c ON c.id = h.case_id JOIN case_participants cp ON cp.case_id = h.case_id
         WHERE h.released_at IS NULL
       ORDER BY placed_at`,
    )
    .all() as Array<{ client_id: string; kind: keyof typeof HOLD_WORDS; placed_at: string; case_no: number | null }>;
  return rows
    .filter((row) => clientIds.has(row.client_id))
    .map((row) => ({
      clientId: row.client_id,
      blocker: {
        kind: 'legal-hold',
        words: `on hold: ${HOLD_WORDS[row.kind]} hold ${row.case_no === null ? 'on the client' : `on case ${formatCaseReference(row.case_no)}`} since ${longDate(row.placed_at.slice(0, 10))}`,
      },
    }));
};

/**
 * A written consent to release information that is still in force or not yet in force (not withdrawn, not
 * expired): the practice has agreed to send something and may yet be asked to. An expired or withdrawn
 * consent is finished. Disclosures themselves are entered in the log only once made (the export writes the
 * files and the entry in one step), so a logged disclosure is complete and blocks nothing (docs/decisions.md).
 */
export const openReleases: BlockerCheck = (ctx, clientIds, today) => {
  const rows = ctx.db
    .prepare(
      `SELECT client_id, signed_on, expires_on FROM release_consents
       WHERE withdrawn_on IS NULL AND expires_on >= ? ORDER BY expires_on`,
    )
    .all(today) as Array<{ client_id: string; signed_on: string; expires_on: string }>;
  return rows
    .filter((row) => clientIds.has(row.client_id))
    .map((row) => ({
      clientId: row.client_id,
      blocker: {
        kind: 'open-release',
        words: `an open release: a written consent to release information (signed ${longDate(row.signed_on)}) is in force until ${longDate(row.expires_on)}`,
      },
    }));
};

export const blockerChecks: readonly BlockerCheck[] = [legalHolds, openReleases];

/** Every blocker on each of these clients, by client; a client with none is absent. */
export function blockersOf(
  ctx: ServiceContext,
  clientIds: Iterable<string>,
  today: string,
  checks: readonly BlockerCheck[] = blockerChecks,
): Map<string, Blocker[]> {
  const wanted = new Set(clientIds);
  const found = new Map<string, Blocker[]>();
  if (wanted.size === 0) return found;
  for (const check of checks) {
    for (const { clientId, blocker } of check(ctx, wanted, today)) {
      const list = found.get(clientId) ?? [];
      list.push(blocker);
      found.set(clientId, list);
    }
  }
  return found;
}
