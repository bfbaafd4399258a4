import type { PurgeResult } from '../../../shared/purge';
import { conflict } from '../errors';
import type { VaultState } from '../vault-state';
import { proveCurrentPassphrase } from '../vault/key-operations';
import { clientsDue } from './due-clients';
import { assertDirector, purge } from './purge-service';
import { retentionRules } from './rules-setting';

const running = new WeakSet<VaultState>();

/**
 * `retention.purge` as the session runs it: the director proves their passphrase, then the approved list is
 * destroyed in batches with other calls taking their turn between them. A lock meanwhile stops the purge after
 * the batch in hand; what was destroyed is registered and a second purge finishes the job.
 */
export async function purgeInSession(session: VaultState, input: { currentPassphrase: string; planDigest: string }): Promise<PurgeResult> {
  const vault = session.current();
  const ctx = session.services();
  assertDirector(ctx, 'run a purge');
  await proveCurrentPassphrase(vault, input.currentPassphrase);
  if (running.has(session)) throw conflict('A purge is already running. Wait for it to finish.');
  running.add(session);
  try {
    const rules = retentionRules(ctx);
    return await purge({
      ctx,
      due: clientsDue(ctx, ctx.today(), rules, { filter: 'due' }),
      rules,
      planDigest: input.planDigest,
      betweenBatches: async () => {
        // A macrotask first (setImmediate, as the page check does), so calls that arrived as events (IPC, timers)
        // are in the queue before it is drained.
        await new Promise((resolve) => setImmediate(resolve));
        await session.yieldTurn();
        return session.openVault() === vault && session.damageProblem() === null;
      },
    });
  } finally {
    running.delete(session);
  }
}
