import type { z } from 'zod';
import { DUE_SOON_DAYS, type clientDue, type retentionOverview } from '../../../shared/retention';
import type { ServiceContext } from '../services/context';
import { assertRetentionAct } from './capabilities';
import { clientsDue, inList, type DueClient } from './due-clients';
import { clientErrorMarks, sessionErrorMarks } from './error-marks';
import { fieldGroupsDueNow } from './field-groups-due';
import { addDays } from '../../../shared/rules/retention';

type Overview = z.output<typeof retentionOverview>;
type ShownClient = z.output<typeof clientDue>;

/** Names of these clients, read only when a director asked for them (the call is audited with withNames). */
function namesOf(ctx: ServiceContext, clientIds: string[]): Map<string, string> {
  if (clientIds.length === 0) return new Map();
  const rows = ctx.db
    .prepare('SELECT id, name FROM clients WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(clientIds)) as Array<{ id: string; name: string }>;
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * The retention dashboard: clients due now (nothing stops them), due within the next days, and on hold — by
 * reference code with the reason in words. Names only on request.
 */
export function retentionOverviewFor(ctx: ServiceContext, input: { withNames?: boolean | undefined }): Overview {
  assertRetentionAct(ctx, 'seeRetention', 'Only a practice director can see the retention dashboard.');
  const today = ctx.today();
  const everyone = clientsDue(ctx, today);
  const horizon = addDays(today, DUE_SOON_DAYS);
  const onHold = everyone.filter((client) => inList(client, 'on-hold', horizon));
  const dueNow = everyone.filter((client) => client.due && client.blockers.length === 0);
  const dueSoon = everyone.filter((client) => inList(client, 'due-within-days', horizon) && !inList(client, 'on-hold', horizon));
  const fieldGroups = fieldGroupsDueNow(ctx, today).filter((client) => client.blockers.length === 0);
  const names = input.withNames ? namesOf(ctx, [...dueNow, ...dueSoon, ...onHold, ...fieldGroups].map((client) => client.clientId)) : null;
  const marks = clientErrorMarks(
    ctx,
    [...dueNow, ...onHold].filter((client) => client.decision.rule === 'entered-in-error').map((client) => client.clientId),
  );
  const shown = (client: DueClient): ShownClient => {
    const mark = marks.get(client.clientId);
    return {
      clientId: client.clientId,
      reference: client.reference,
      ...(names ? { name: names.get(client.clientId) ?? '' } : {}),
      decision: client.decision,
      ...(mark ? { enteredInError: mark } : {}),
      due: client.due,
      blockers: client.blockers,
    };
  };
  const byDate = (a: DueClient, b: DueClient) => (a.decision.dueOn ?? '').localeCompare(b.decision.dueOn ?? '') || a.reference.localeCompare(b.reference);
  return {
    today,
    dueSoonDays: DUE_SOON_DAYS,
    dueNow: dueNow.sort(byDate).map(shown),
    dueSoon: dueSoon.sort(byDate).map(shown),
    onHold: onHold.sort(byDate).map(shown),
    sessionsInError: sessionErrorMarks(ctx),
    fieldGroupsDueNow: fieldGroups.map((client) => ({
      clientId: client.clientId,
      reference: client.reference,
      ...(names ? { name: names.get(client.clientId) ?? '' } : {}),
      groups: client.groups.map((group) => ({ what: group.group, words: group.decision.words, fields: group.fields })),
    })),
  };
}
