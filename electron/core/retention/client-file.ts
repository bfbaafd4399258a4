import type { z } from 'zod';
import type { clientDueInFile } from '../../../shared/retention';
import { assertClientVisible } from '../services/caseload';
import type { ServiceContext } from '../services/context';
import { retentionCan } from './capabilities';
import { clientDue } from './due-clients';
import { clientErrorMarks, sessionErrorMarks } from './error-marks';
import { listHolds } from './holds';

/**
 * One client's due date, with the rule in words, what stops it, their holds, what was marked as entered in error
 * and why, and what this user may do.
 */
export function clientDueInFileFor(ctx: ServiceContext, clientId: string): z.output<typeof clientDueInFile> {
  assertClientVisible(ctx, clientId);
  const due = clientDue(ctx, clientId, ctx.today())!;
  const can = retentionCan(ctx);
  const mark = clientErrorMarks(ctx, [clientId]).get(clientId);
  return {
    ...due,
    ...(mark ? { enteredInError: mark } : {}),
    can: { manageHolds: can.manageHolds, markEnteredInError: can.markEnteredInError },
    holds: listHolds(ctx, { clientId }),
    sessionsInError: sessionErrorMarks(ctx, clientId),
  };
}
