import { contract, type MethodName } from '../../shared/contract';
import type { AuditAction, AuditSpec } from '../../shared/audit-actions';
import type { ErrorCode } from '../../shared/errors';
import { auditFacts, type AuditedMethod, type AuditFacts } from './audit-facts';
import type { VaultState } from './vault-state';
import { appendAudit, type AuditDetail } from './vault/audit';

/** A handler's value that failed the contract's output schema: reported as internal, and rolled back. */
export class OutputMismatch extends Error {}

const factsOf = (method: MethodName) => (auditFacts as Record<string, AuditFacts<AuditedMethod> | undefined>)[method];

/** The action the dispatcher enters for a method's calls; null for `lifecycle`, `key-change` and `none`. */
function auditedAction(method: MethodName): AuditAction | null {
  const audit: AuditSpec = contract[method].audit;
  return audit.kind === 'view' || audit.kind === 'change' ? audit.action : null;
}

/** The action a refused call of this method is entered under: audited, key-change and batched methods alike. */
function attemptAction(method: MethodName): AuditAction | null {
  const audit: AuditSpec = contract[method].audit;
  return audit.kind === 'view' || audit.kind === 'change' || audit.kind === 'key-change' || audit.kind === 'batched' ? audit.action : null;
}

/**
 * Audit by construction: a `view` or `change` method runs in one transaction with its audit entry, so the
 * change and its entry commit together or not at all (and a call commits once). Returns the output as the
 * contract parsed it.
 */
export async function runAudited(state: VaultState, method: MethodName, input: unknown, run: () => unknown): Promise<unknown> {
  const action = auditedAction(method);
  const facts = factsOf(method);
  if (action === null || facts === undefined || facts.skip?.(input as never)) return parsed(method, await run());
  // A vault found damaged takes no more writes, an audit entry included; a view (verify's report above all)
  // still answers. A change fails on the read-only connection with the damage error.
  if (state.damageProblem() !== null && contract[method].audit.kind === 'view') return parsed(method, await run());
  const vault = state.current();
  vault.db.exec('BEGIN IMMEDIATE');
  try {
    const output = parsed(method, await run());
    if (state.damageProblem() !== null && contract[method].audit.kind === 'view') {
      // The call itself found the damage (verify's page check): the report still goes back, unentered.
      vault.db.exec('ROLLBACK');
      return output;
    }
    appendAudit(vault.db, {
      at: state.env.now(),
      actorId: vault.user.id,
      action,
      targetId: facts.target?.(input as never, output as never) ?? null,
      detail: facts.detail?.(input as never, output as never) ?? {},
    });
    vault.db.exec('COMMIT');
    return output;
  } catch (error) {
    if (vault.db.open && vault.db.inTransaction) vault.db.exec('ROLLBACK');
    throw error;
  }
}

function parsed(method: MethodName, value: unknown): unknown {
  const output = contract[method].output.safeParse(value);
  if (!output.success) throw new OutputMismatch();
  return output.data;
}

/**
 * A refused or failed call to an audited method is entered as an attempt (when the vault is open to write
 * it): the action it tried, the record it named if its input said, and why it did not happen.
 */
export function recordAttempt(state: VaultState, method: MethodName, code: ErrorCode, input: unknown | null): void {
  const action = attemptAction(method);
  if (action === null || !state.isUnlocked()) return;
  const facts = factsOf(method);
  const vault = state.current();
  let targetId: string | null = null;
  try {
    targetId = input === null ? null : (facts?.target?.(input as never, null) ?? null);
  } catch {
    targetId = null;
  }
  try {
    vault.db.transaction(() =>
      appendAudit(vault.db, {
        at: state.env.now(),
        actorId: vault.user.id,
        action,
        targetId,
        detail: { outcome: code === 'internal' ? 'failed' : 'refused', code },
      }),
    )();
  } catch {
    // A vault that cannot take the entry (damaged, full disk) already answers the call with its own error.
  }
}

/**
 * An entry for a read that is not a contract call: a recording streamed to the player answers with bytes, not
 * a CallResult, so the dispatcher never sees it. It is written the same way (appendAudit, its own transaction)
 * before the first byte is served, and a read that cannot be entered is not served — except on a vault found
 * damaged, which takes no writes and still answers views, as runAudited does.
 */
export function enterRead(state: VaultState, action: AuditAction, targetId: string | null, detail: AuditDetail): void {
  if (state.damageProblem() !== null) return;
  const vault = state.current();
  vault.db.transaction(() => appendAudit(vault.db, { at: state.env.now(), actorId: vault.user.id, action, targetId, detail }))();
}

/** A refused read of that kind, entered as an attempt like a refused call (when the vault is open to take it). */
export function enterRefusedRead(state: VaultState, action: AuditAction, targetId: string | null, code: ErrorCode): void {
  if (!state.isUnlocked() || state.damageProblem() !== null) return;
  try {
    enterRead(state, action, targetId, { outcome: code === 'internal' ? 'failed' : 'refused', code });
  } catch {
    // A vault that cannot take the entry already answers with its own error.
  }
}
