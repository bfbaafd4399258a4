import type { AuditReport } from '../../../shared/schemas';
import { verifyAuditChain } from '../audit';
import type { ServiceContext } from './context';

/**
 * Every page authenticates and decodes (`checkPages`: the session's full page check, which stops writes
 * if it finds damage), and the audit chain is unbroken.
 */
export function verifyVault(ctx: ServiceContext, checkPages: () => string | null): AuditReport {
  const problem = checkPages();
  const chain = verifyAuditChain(ctx.db);
  // A damaged vault takes no more writes, this entry included; the report still goes back.
  if (problem === null) ctx.audit({ action: 'vault.verify', detail: { ok: chain.ok } });
  return { ok: problem === null && chain.ok, integrity: { ok: problem === null, problem }, chain };
}
