import { formatCaseReference, formatClientReference, parseReference, type ReferenceKind } from '../../../shared/client-reference';
import { notFound } from '../errors';
import { findCase } from './cases';
import type { ServiceContext } from './context';
import { assertClientVisible } from './visibility';

/**
 * Turns a reference into an id through the same checks as every method taking that id, so a reference
 * the user may not see is "not found" with the very words an id would get: probing by reference tells
 * nothing an id would not.
 */
export function resolveReference(ctx: ServiceContext, text: string): { kind: ReferenceKind; id: string; reference: string } {
  const parsed = parseReference(text);
  if (parsed?.kind === 'client') {
    const row = ctx.db.prepare('SELECT id FROM clients WHERE reference_no = ?').get(parsed.referenceNo) as { id: string } | undefined;
    if (!row) throw notFound('That client');
    assertClientVisible(ctx, row.id);
    return { kind: 'client', id: row.id, reference: formatClientReference(parsed.referenceNo) };
  }
  if (parsed?.kind === 'case') {
    const row = ctx.db.prepare('SELECT id FROM cases WHERE reference_no = ?').get(parsed.referenceNo) as { id: string } | undefined;
    if (!row) throw notFound('That case');
    findCase(ctx, row.id);
    return { kind: 'case', id: row.id, reference: formatCaseReference(parsed.referenceNo) };
  }
  // The contract admits only references that parse; this is the same answer for anything else.
  throw notFound('That record');
}
