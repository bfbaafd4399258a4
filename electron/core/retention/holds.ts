import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { formatCaseReference, formatClientReference } from '../../../shared/client-reference';
import type { legalHold, placeHoldInput } from '../../../shared/retention';
import { conflict, notFound } from '../errors';
import { findCase } from '../services/cases';
import { assertClientVisible } from '../services/caseload';
import type { ServiceContext } from '../services/context';
import { assertRetentionAct } from './capabilities';

type LegalHold = z.output<typeof legalHold>;

interface HoldRow {
  id: string;
  kind: LegalHold['kind'];
  reference: string;
  client_id: string | null;
  client_no: number | null;
  case_id: string | null;
  case_no: number | null;
  placed_by: string;
  placed_at: string;
  released_by: string | null;
  released_at: string | null;
}

const SELECT = `SELECT h.id, h.kind, h.reference, h.client_id, cl.reference_no AS client_no, h.case_id, k.reference_no AS case_no,
    p.name AS placed_by, h.placed_at, r.name AS released_by, h.released_at
  FROM legal_holds h
  LEFT JOIN clients cl ON cl.id = h.client_id LEFT JOIN cases k ON k.id = h.case_id
  JOIN users p ON p.id = h.placed_by LEFT JOIN users r ON r.id = h.released_by`;

const toHold = (row: HoldRow): LegalHold => ({
  id: row.id,
  kind: row.kind,
  reference: row.reference,
  on:
    row.client_id !== null
      ? { kind: 'client', id: row.client_id, reference: formatClientReference(row.client_no!) }
      : { kind: 'case', id: row.case_id!, reference: formatCaseReference(row.case_no!) },
  placedBy: row.placed_by,
  placedAt: row.placed_at,
  releasedBy: row.released_by,
  releasedAt: row.released_at,
});

function holdById(ctx: ServiceContext, holdId: string): LegalHold {
  const row = ctx.db.prepare(`${SELECT} WHERE h.id = ?`).get(holdId) as HoldRow | undefined;
  if (!row) throw notFound('That hold');
  return toHold(row);
}

/** A legal hold on a client or a case: nothing of theirs is destroyed until it is released. Directors only. */
export function placeHold(ctx: ServiceContext, input: z.output<typeof placeHoldInput>): LegalHold {
  assertRetentionAct(ctx, 'manageHolds', 'Only a practice director can place a legal hold.');
  if (input.clientId !== undefined) assertClientVisible(ctx, input.clientId);
  if (input.caseId !== undefined) findCase(ctx, input.caseId);
  const id = randomUUID();
  ctx.db
    .prepare('INSERT INTO legal_holds (id, client_id, case_id, kind, reference, placed_by, placed_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, input.clientId ?? null, input.caseId ?? null, input.kind, input.reference, ctx.user.id, ctx.now());
  return holdById(ctx, id);
}

export function releaseHold(ctx: ServiceContext, holdId: string): LegalHold {
  assertRetentionAct(ctx, 'manageHolds', 'Only a practice director can release a legal hold.');
  const hold = holdById(ctx, holdId);
  if (hold.releasedAt !== null) throw conflict('This hold has already been released.');
  ctx.db.prepare('UPDATE legal_holds SET released_by = ?, released_at = ? WHERE id = ?').run(ctx.user.id, ctx.now(), holdId);
  return holdById(ctx, holdId);
}

/**
 * Holds, newest first: a director's list for the practice, or the holds bearing on one client (on them or on a
 * case they take part in), which anyone who may see the client may read in their file.
 */
export function listHolds(ctx: ServiceContext, input: { clientId?: string | undefined; includeReleased?: boolean | undefined }): LegalHold[] {
  const released = input.includeReleased ? '' : 'AND h.released_at IS NULL';
  if (input.clientId === undefined) {
    assertRetentionAct(ctx, 'manageHolds', 'Only a practice director can list the practice’s legal holds.');
    return (ctx.db.prepare(`${SELECT} WHERE 1 = 1 ${released} ORDER BY h.placed_at DESC, h.id`).all() as HoldRow[]).map(toHold);
  }
  assertClientVisible(ctx, input.clientId);
  return (
    ctx.db
      .prepare(
        `${SELECT} WHERE (h.client_id = ? OR h.case_id IN (SELECT case_id FROM case_participants WHERE client_id = ?)) ${released}
         ORDER BY h.placed_at DESC, h.id`,
      )
      .all(input.clientId, input.clientId) as HoldRow[]
  ).map(toHold);
}
