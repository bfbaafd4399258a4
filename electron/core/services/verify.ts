import type { AuditReport } from '../../../shared/schemas';
import { verifyAuditChain } from '../vault/audit';
import { integrityProblem } from '../vault/database';
import type { ServiceContext } from './context';

/** Every page authenticates and decodes, and the audit chain is unbroken. */
export function verifyVault(ctx: ServiceContext): AuditReport {
  const problem = integrityProblem(ctx.db);
  const chain = verifyAuditChain(ctx.db);
  return { ok: problem === null && chain.ok, integrity: { ok: problem === null, problem }, chain };
}
