/**
 * A look at an input's shape before any schema sees it: plain data only (what JSON and IPC can carry), not
 * nested deeper than any method needs, and not so large that checking it would stall the core. The walk is
 * iterative, so no input can overflow the stack here, and it reads each property once through its
 * descriptor, so a getter is never run.
 */
export const INPUT_LIMITS = {
  /** The deepest method input is three levels (notes.saveDraft → about → sessionId). */
  depth: 8,
  /** Values of every kind, counted together; the largest real input has a few dozen. */
  values: 10_000,
  /**
   * Characters over all strings together. Far above any real input (a full note is 200,000), so an
   * over-long field still gets its own message ("Email address must be at most 254 characters"); each
   * schema bounds its field before any pattern runs.
   */
  characters: 16_000_000,
} as const;

export function inputShapeProblem(input: unknown): string | null {
  let values = 0;
  let characters = 0;
  const stack: Array<{ value: unknown; depth: number }> = [{ value: input, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    values += 1;
    if (values > INPUT_LIMITS.values) return 'The input has too many values.';
    if (typeof value === 'string') {
      characters += value.length;
      if (characters > INPUT_LIMITS.characters) return 'The input is too long.';
      continue;
    }
    if (value === null || typeof value === 'number' || typeof value === 'boolean' || value === undefined) continue;
    if (typeof value !== 'object') return 'The input must be plain data: text, numbers, true or false, lists and named fields.';
    if (depth >= INPUT_LIMITS.depth) return 'The input is nested too deeply.';
    const prototype: unknown = Object.getPrototypeOf(value);
    if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) {
      return 'The input must be plain data: text, numbers, true or false, lists and named fields.';
    }
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (typeof key === 'symbol' || !descriptor || !('value' in descriptor)) {
        return 'The input must be plain data: text, numbers, true or false, lists and named fields.';
      }
      if (Array.isArray(value) && key === 'length') continue;
      stack.push({ value: descriptor.value, depth: depth + 1 });
    }
  }
  return null;
}
