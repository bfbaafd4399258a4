import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invalidInput, plainFallback, printable } from '../../../electron/core/input-errors';

describe('the plain-language net under every schema', () => {
  it('words zod’s own issues for a schema written without messages', () => {
    const bare = z.strictObject({
      dateOfBirth: z.string(),
      count: z.number().int().max(3),
      kind: z.enum(['a', 'b']),
      tags: z.array(z.string()),
      about: z.discriminatedUnion('type', [z.strictObject({ type: z.literal('x') })]),
    });
    const parsed = bare.safeParse({ count: 9, kind: 'c', tags: 'no', about: {}, extra: 1 }, { error: plainFallback });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const { issues } = invalidInput(parsed.error);
    expect(issues).toEqual([
      { path: 'dateOfBirth', message: 'Date of birth is required' },
      { path: 'count', message: 'Count is too long or too large' },
      { path: 'kind', message: 'Kind must be one of "a", "b"' },
      { path: 'tags', message: 'Tags must be a list' },
      { path: 'about.type', message: 'Type is not valid' },
      { path: '', message: 'Unknown field: extra' },
    ]);
  });

  it('shows a name sent by the caller without control, direction or broken characters, and cut short', () => {
    expect(printable('na\u0000me\u202E\uD800')).toBe('na\\u{0}me\\u{202e}\\u{d800}');
    expect(printable('x'.repeat(100))).toBe(`${'x'.repeat(40)}…`);
    expect(printable('😀'.repeat(41))).toBe(`${'😀'.repeat(40)}…`);
  });
});
