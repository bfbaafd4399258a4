import { DEFAULT_RETENTION_RULES, type RetentionRules } from '../../../shared/rules/retention';
import { retentionRules as rulesSchema } from '../../../shared/retention';
import type { ServiceContext } from '../services/context';
import { readSetting, writeSetting } from '../vault/settings';

const KEY = 'retention_rules';

/**
 * The practice's retention rules, from settings; the defaults (DESIGN.md §1.5) until a director changes them.
 * A stored value that does not read as rules (written by a later version, damaged) falls back to the
 * defaults rather than to no rule at all.
 */
export function retentionRules(ctx: Pick<ServiceContext, 'db'>): RetentionRules {
  const stored = readSetting(ctx.db, KEY);
  if (stored === null) return structuredClone(DEFAULT_RETENTION_RULES);
  try {
    const parsed = rulesSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : structuredClone(DEFAULT_RETENTION_RULES);
  } catch {
    return structuredClone(DEFAULT_RETENTION_RULES);
  }
}

export function writeRetentionRules(ctx: Pick<ServiceContext, 'db'>, rules: RetentionRules): void {
  writeSetting(ctx.db, KEY, JSON.stringify(rulesSchema.parse(rules)));
}
