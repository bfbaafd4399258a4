import type { CaseKind } from '../records';

/** How many clients each kind of case has: the one rule the wizard previews and the core enforces. */
export const CASE_PARTICIPANTS: Record<CaseKind, { min: number; max: number; words: string }> = {
  individual: { min: 1, max: 1, words: 'exactly one client' },
  couple: { min: 2, max: 2, words: 'exactly two clients' },
  family: { min: 2, max: 12, words: 'between two and twelve clients' },
};

export const MAX_CASE_PARTICIPANTS = Math.max(...Object.values(CASE_PARTICIPANTS).map((rule) => rule.max));

/** "A couple case has exactly two clients." */
export function participantRule(kind: CaseKind): string {
  return `${kind === 'individual' ? 'An' : 'A'} ${kind} case has ${CASE_PARTICIPANTS[kind].words}.`;
}

/** Null when `count` clients fit a case of this kind, otherwise the rule they break. */
export function participantCountProblem(kind: CaseKind, count: number): string | null {
  const rule = CASE_PARTICIPANTS[kind];
  return count >= rule.min && count <= rule.max ? null : participantRule(kind);
}
