import type { PurgePreview, PurgeResult } from '../../../shared/purge';
import { countedProof } from '../counted-proof';
import { conflict } from '../errors';
import type { VaultState } from '../vault-state';
import { proveCurrentPassphrase } from '../vault/key-operations';
import { clientsDue, type DueClient } from './due-clients';
import { assertDirector, previewPurgePlan, purge } from './purge-service';
import { retentionRules } from './rules-setting';

const running = new WeakSet<VaultState>();

/** The clients each recent preview listed, by its digest, per open vault (a lock drops them with the vault). */
const previewed = new WeakMap<object, Map<string, readonly string[]>>();
const PREVIEWS_KEPT = 4;
/** Approved clients reckoned again per slice: tens of milliseconds each at 100,000 clients. */
const RECHECK_SLICE = 250;

/** `retention.purgePreview`: every client's due date is reckoned, and the list shown is kept for its purge. */
export function previewInState(state: VaultState): PurgePreview {
  const ctx = state.services();
  const rules = retentionRules(ctx);
  const { preview, clientIds } = previewPurgePlan(ctx, clientsDue(ctx, ctx.today(), rules, { filter: 'due' }), rules);
  const vault = state.current();
  const kept = previewed.get(vault) ?? new Map<string, readonly string[]>();
  kept.delete(preview.planDigest);
  if (kept.size >= PREVIEWS_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(preview.planDigest, clientIds);
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
    if (approved === undefined) due.push(...clientsDue(ctx, ctx.today(), rules, { filter: 'due' }));
    for (let start = 0; approved !== undefined && start < approved.length; start += RECHECK_SLICE) {
      due.push(...clientsDue(ctx, ctx.today(), rules, { filter: 'due', clientIds: approved.slice(start, start + RECHECK_SLICE) }));
      if (start + RECHECK_SLICE < approved.length && !(await betweenBatches())) {
        throw conflict('The vault was locked before the purge began. Nothing was destroyed.');
      }
    }
    return await purge({ ctx, due, rules, planDigest: input.planDigest, betweenBatches });
  } finally {
    running.delete(state);
  }
}
