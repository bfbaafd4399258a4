/**
 * How a kept joint record names the subjects who were destroyed (DESIGN.md §1.5, docs/decisions.md): never by
 * name or reference, only as "a former client" — one place, for every screen and document.
 */
export function formerSubjectsWords(count: number): string | null {
  if (count <= 0) return null;
  return count === 1 ? 'a former client' : `${count} former clients`;
}
