import { formatClientReference } from '../../../shared/client-reference';
import type { FieldGroupId } from '../../../shared/rules/retention';
import { conflict } from '../errors';
import type { Db } from '../vault/database';
import { prepared } from '../vault/statements';
import { destructionStatements } from './destruction-statements';

/** One field group destroyed from a client's record that stays: counts only, for the register and the certificate. */
export interface FieldGroupDestruction {
  clientId: string;
  reference: string;
  what: FieldGroupId;
  /** How many of the group's fields held something. */
  fields: number;
  firstOn: string | null;
  lastOn: string | null;
}

/** Each group's row, with how many of its fields are filled in (tested for NULL only, never read). */
const GROUPS: Record<FieldGroupId, { fields: string; remove: string }> = {
  referrer: {
    fields: 'SELECT (name IS NOT NULL) + (contact IS NOT NULL) FROM client_referrers WHERE client_id = ?',
    remove: 'DELETE FROM client_referrers WHERE client_id = ?',
  },
  'equality-monitoring': {
    fields: `SELECT (ethnicity IS NOT NULL) + (gender IS NOT NULL) + (sexual_orientation IS NOT NULL) + (disability IS NOT NULL) + (religion IS NOT NULL)
             FROM client_equality WHERE client_id = ?`,
    remove: 'DELETE FROM client_equality WHERE client_id = ?',
  },
};

/**
 * Destroys these field groups of one client whose record stays, in the caller's transaction. The groups live in
 * their own tables (client_referrers, client_equality), which nothing else copies: the `clients` row, the search
 * index (name, preferred name, reference, email, phone) and audit details (ids and counts only, audit-facts.ts)
 * never hold them, so deleting the rows with secure_delete on is the whole of it; the purge's page clean-up then
 * removes the freed pages and the WAL. Returns only the groups that were still there (a re-run after an
 * interrupted purge finds them gone and reports nothing).
 */
export function destroyFieldGroups(db: Db, clientId: string, groups: readonly FieldGroupId[]): FieldGroupDestruction[] {
  const st = destructionStatements(db);
  const client = st.client.get(clientId) as { id: string; reference_no: number } | undefined;
  if (!client) return [];
  if ((st.openHolds.get({ client: clientId }) as number) > 0) {
    throw conflict(`${formatClientReference(client.reference_no)} is under a legal hold, so nothing of it can be destroyed until the hold is released.`);
  }
  const range = st.dateRange.get({ client: clientId }) as { first_on: string | null; last_on: string | null };
  return groups.flatMap((what) => {
    const fields = prepared(db, GROUPS[what].fields, 'pluck').get(clientId) as number | undefined;
    if (fields === undefined) return [];
    prepared(db, GROUPS[what].remove).run(clientId);
    return [{ clientId, reference: formatClientReference(client.reference_no), what, fields, firstOn: range.first_on, lastOn: range.last_on }];
  });
}
