import type { PurgePreview, PurgeResult } from '../../../shared/purge';
import { countedProof } from '../counted-proof';
import { conflict } from '../errors';
import type { VaultState } from '../vault-state';
import { proveCurrentPassphrase } from '../vault/key-operations';
import { clientsDue, type DueClient } from './due-clients';
import { fieldGroupsDueNow, type DueFieldGroups } from './field-groups-due';
import { assertDirector, previewPurgePlan, purge } from './purge-service';
import { retentionRules } from './rules-setting';

const running = new WeakSet<VaultState>();

/** What each recent preview listed (clients whole, clients' field groups), by its digest, per open vault (a lock drops them with the vault). */
interface Approved {
  clientIds: readonly string[];
  fieldGroupClientIds: readonly string[];
}
const previewed = new WeakMap<object, Map<string, Approved>>();
const PREVIEWS_KEPT = 4;
/** Approved clients reckoned again per slice: tens of milliseconds each at 100,000 clients. */
const RECHECK_SLICE = 250;

/** `retention.purgePreview`: every client's due date is reckoned, and the list shown is kept for its purge. */
export function previewInState(state: VaultState): PurgePreview {
  const ctx = state.services();
  const rules = retentionRules(ctx);
  const today = ctx.today();
  const { preview, clientIds, fieldGroupClientIds } = previewPurgePlan(
    ctx,
    clientsDue(ctx, today, rules, { filter: 'due' }),
    fieldGroupsDueNow(ctx, today, rules),
    rules,
  );
  const vault = state.current();
  const kept = previewed.get(vault) ?? new Map<string, Approved>();
  kept.delete(preview.planDigest);
  if (kept.size >= PREVIEWS_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(preview.planDigest, { clientIds, fieldGroupClientIds });
  previewed.set(vault, kept);
  return preview;
}

/**
 * `retention.purge` as the open vault runs it: the director proves their passphrase, then the approved list is
 * destroyed in batches with other calls taking their turn between them. A lock meanwhile stops the purge after
 * the batch in hand; what was destroyed is registered and a second purge finishes the job.
 */
export async function purgeInState(state: VaultState, input: { currentPassphrase: string; planDigest: string }): Promise<PurgeResult> {
  const vault = state.current();
  const ctx = state.services();
  assertDirector(ctx, 'run a purge');
  await countedProof(state, () => proveCurrentPassphrase(vault, input.currentPassphrase));
  if (running.has(state)) throw conflict('A purge is already running. Wait for it to finish.');
  running.add(state);
  try {
    const rules = retentionRules(ctx);
    const betweenBatches = async () => {
      // A macrotask first (setImmediate, as the page check does), so calls that arrived as events (IPC, timers)
      // are in the queue before it is drained.
      await new Promise((resolve) => setImmediate(resolve));
      await state.yieldTurn();
      return state.openVault() === vault && state.damageProblem() === null;
    };
    // Only the clients the approved preview listed are reckoned again (still due, still unblocked?), in slices with
    // other calls between them, not the whole practice in one go: at 100,000 clients that took as long as the
    // preview, with every call waiting. A preview this vault did not give is checked against a full reckoning.
    const approved = previewed.get(vault)?.get(input.planDigest);
    const due: DueClient[] = [];
    const fieldGroups: DueFieldGroups[] = [];
    if (approved === undefined) {
      due.push(...clientsDue(ctx, ctx.today(), rules, { filter: 'due' }));
      fieldGroups.push(...fieldGroupsDueNow(ctx, ctx.today(), rules));
    } else {
      const recheck = async <T>(ids: readonly string[], reckon: (slice: readonly string[]) => T[], into: T[]) => {
        for (let start = 0; start < ids.length; start += RECHECK_SLICE) {
          into.push(...reckon(ids.slice(start, start + RECHECK_SLICE)));
          if (start + RECHECK_SLICE < ids.length && !(await betweenBatches())) {
            throw conflict('The vault was locked before the purge began. Nothing was destroyed.');
          }
        }
      };
      await recheck(approved.clientIds, (clientIds) => clientsDue(ctx, ctx.today(), rules, { filter: 'due', clientIds }), due);
      await recheck(approved.fieldGroupClientIds, (clientIds) => fieldGroupsDueNow(ctx, ctx.today(), rules, { clientIds }), fieldGroups);
    }
    return await purge({ ctx, due, fieldGroups, rules, planDigest: input.planDigest, betweenBatches });
  } finally {
    running.delete(state);
  }
}
