import { clientRecordDue, isDue, type RetentionRules } from '../../../shared/rules/retention';
import type { ServiceContext } from '../services/context';
import { retentionFacts } from './due-clients';
import { retentionRules } from './rules-setting';

export interface RulesChange {
  moved: number;
  becomeDueNow: number;
  stopBeingDue: number;
}

/**
 * What changing the practice's rules to `proposed` would do, today: how many clients' due dates move, and how
 * many of them would become due now or stop being due. Dates only; nothing is written.
 */
export function rulesChange(ctx: ServiceContext, proposed: RetentionRules, today: string): RulesChange {
  const current = retentionRules(ctx);
  const change: RulesChange = { moved: 0, becomeDueNow: 0, stopBeingDue: 0 };
  for (const { facts } of retentionFacts(ctx, null)) {
    const before = clientRecordDue(facts, current);
    const after = clientRecordDue(facts, proposed);
    if (before.dueOn === after.dueOn) continue;
    change.moved += 1;
    if (!isDue(before, today) && isDue(after, today)) change.becomeDueNow += 1;
    if (isDue(before, today) && !isDue(after, today)) change.stopBeingDue += 1;
  }
  return change;
}
