import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { formatCaseReference, formatClientReference } from '../../../shared/client-reference';
import type { enteredInErrorRecord, markEnteredInErrorInput } from '../../../shared/retention';
import { conflict, notFound } from '../errors';
import { assertClientVisible } from '../services/caseload';
import type { ServiceContext } from '../services/context';
import { assertRetentionAct } from './capabilities';

type Marked = z.output<typeof enteredInErrorRecord>;

/**
 * A director marks a duplicate client, or a session recorded on the wrong client, as entered in error, with the
 * reason. It is then due at once and destroyed by the next purge through the same run and register as any
 * other destruction; a legal hold still stops it.
 */
export function markEnteredInError(ctx: ServiceContext, input: z.output<typeof markEnteredInErrorInput>): Marked {
  assertRetentionAct(ctx, 'markEnteredInError', 'Only a practice director can mark a record as entered in error.');
  let reference: string;
  if (input.clientId !== undefined) {
    assertClientVisible(ctx, input.clientId);
    const row = ctx.db.prepare('SELECT reference_no FROM clients WHERE id = ?').get(input.clientId) as { reference_no: number };
    reference = formatClientReference(row.reference_no);
  } else {
    const row = ctx.db
      .prepare('SELECT c.reference_no FROM sessions s JOIN cases c ON c.id = s.case_id WHERE s.id = ?')
      .get(input.sessionId) as { reference_no: number } | undefined;
    if (!row) throw notFound('That session');
    reference = formatCaseReference(row.reference_no);
  }
  const already = ctx.db
    .prepare('SELECT 1 FROM entered_in_error WHERE client_id = ? OR session_id = ?')
    .get(input.clientId ?? null, input.sessionId ?? null);
  if (already) throw conflict('This record is already marked as entered in error.');
  const id = randomUUID();
  const markedOn = ctx.today();
  ctx.db
    .prepare('INSERT INTO entered_in_error (id, client_id, session_id, reason, marked_by, marked_at, marked_on) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, input.clientId ?? null, input.sessionId ?? null, input.reason, ctx.user.id, ctx.now(), markedOn);
  return { id, what: input.clientId !== undefined ? 'client' : 'session', reference, markedOn };
}
