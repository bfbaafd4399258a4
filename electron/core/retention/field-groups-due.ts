import { formatClientReference } from '../../../shared/client-reference';
import { fieldGroupsDue, type FieldGroupDue, type FieldGroupId, type RetentionRules } from '../../../shared/rules/retention';
import type { ServiceContext } from '../services/context';
import { blockersOf, blockerChecks, type Blocker, type BlockerCheck } from './blockers';
import { retentionFacts } from './due-clients';
import { retentionRules } from './rules-setting';

/** A client whose referrer details or equality answers are due while their record is not. */
export interface DueFieldGroups {
  clientId: string;
  reference: string;
  groups: Array<FieldGroupDue & { fields: number }>;
  /** The same blockers that stop a client's destruction (a legal hold, an open release) stop these too. */
  blockers: Blocker[];
}

/**
 * Which clients hold something in each field group, with how many fields are filled in. The SQL tests each column
 * for NULL only: no referrer detail or equality answer leaves the database.
 */
function heldGroups(ctx: ServiceContext, only: readonly string[] | null): Map<string, Map<FieldGroupId, number>> {
  const filter = only === null ? '' : 'WHERE client_id IN (SELECT value FROM json_each(?))';
  const args = only === null ? [] : [JSON.stringify(only)];
  const held = new Map<string, Map<FieldGroupId, number>>();
  const add = (group: FieldGroupId) => (row: { client_id: string; fields: number }) => {
    const groups = held.get(row.client_id) ?? new Map<FieldGroupId, number>();
    groups.set(group, row.fields);
    held.set(row.client_id, groups);
  };
  (ctx.db.prepare(`SELECT client_id, (name IS NOT NULL) + (contact IS NOT NULL) AS fields FROM client_referrers ${filter}`).all(...args) as Array<{
    client_id: string;
    fields: number;
  }>).forEach(add('referrer'));
  (ctx.db
    .prepare(
      `SELECT client_id, (ethnicity IS NOT NULL) + (gender IS NOT NULL) + (sexual_orientation IS NOT NULL) + (disability IS NOT NULL)
         + (religion IS NOT NULL) AS fields FROM client_equality ${filter}`,
    )
    .all(...args) as Array<{ client_id: string; fields: number }>).forEach(add('equality-monitoring'));
  return held;
}

/**
 * Every client (or each of `clientIds`) whose field groups fall due before their record, on `today` under the
 * practice's rules, blocked or not. Only clients who hold something in a group are reckoned.
 */
export function fieldGroupsDueNow(
  ctx: ServiceContext,
  today: string,
  rules?: RetentionRules,
  options: { clientIds?: readonly string[]; checks?: readonly BlockerCheck[] } = {},
): DueFieldGroups[] {
  const applied = rules ?? retentionRules(ctx);
  const held = heldGroups(ctx, options.clientIds ?? null);
  if (held.size === 0) return [];
  const due = retentionFacts(ctx, [...held.keys()]).flatMap(({ row, facts }) => {
    const filled = held.get(row.id)!;
    const groups = fieldGroupsDue(facts, applied, today, new Set(filled.keys())).map((group) => ({ ...group, fields: filled.get(group.group) ?? 0 }));
    return groups.length === 0 ? [] : [{ clientId: row.id, reference: formatClientReference(row.reference_no), groups, blockers: [] as Blocker[] }];
  });
  const blockers = blockersOf(ctx, due.map((client) => client.clientId), today, options.checks ?? blockerChecks);
  return due.map((client) => ({ ...client, blockers: blockers.get(client.clientId) ?? [] }));
}
