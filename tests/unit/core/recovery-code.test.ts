import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRecoveryCode, normaliseRecoveryCode } from '../../../electron/core/vault/recovery-code';

describe('recovery codes', () => {
  it('are five groups of five Crockford base32 characters, different every time', () => {
    const codes = new Set(Array.from({ length: 200 }, generateRecoveryCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){4}[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it('read back the same however a person types them', () => {
    fc.assert(
      fc.property(fc.constant(null).map(generateRecoveryCode), fc.constantFrom(' ', '-', '  ', ''), (code, separator) => {
        const compact = code.replaceAll('-', '');
        const typed = code.toLowerCase().replaceAll('-', separator).replaceAll('1', 'l').replaceAll('0', 'o');
        expect(normaliseRecoveryCode(typed)).toBe(compact);
      }),
    );
  });

  it('reject the wrong length and characters outside the alphabet', () => {
    expect(normaliseRecoveryCode('ABCDE-ABCDE')).toBeNull();
    expect(normaliseRecoveryCode('UUUUU-UUUUU-UUUUU-UUUUU-UUUUU')).toBeNull();
  });
});
