import type { AuditReport } from '../../../shared/schemas';
import { verifyAuditChain, type ChainReport } from '../vault/audit';
import { isDamage } from '../vault/database';
import type { ServiceContext } from './context';

/**
 * Every page authenticates and decodes (`checkPages`: the session's full page check, which stops writes
 * if it finds damage), and the audit chain is unbroken.
 */
export function verifyVault(ctx: ServiceContext, checkPages: () => string | null, anchorProblem: () => string | null): AuditReport {
  const problem = checkPages();
  const chain = withAnchor(readableChain(ctx), anchorProblem);
  return { ok: problem === null && chain.ok, integrity: { ok: problem === null, problem }, chain };
}

/** The chain, or a broken-chain report when a damaged page stops it being read at all. */
function readableChain(ctx: ServiceContext): ChainReport {
  try {
    return verifyAuditChain(ctx.db);
  } catch (error) {
    if (!isDamage(error)) throw error;
    return { ok: false, entries: 0, firstBrokenSeq: null, problem: 'the audit log could not be read: a page of it is damaged' };
  }
}

/** An unbroken chain can still have lost its end: the anchor kept outside the database says whether it did. */
function withAnchor(chain: ChainReport, anchorProblem: () => string | null): ChainReport {
  if (!chain.ok) return chain;
  const problem = anchorProblem();
  return problem === null ? chain : { ...chain, ok: false, problem };
}
