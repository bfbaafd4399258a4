import { describe, expect, it } from 'vitest';
import { countOf, groupDigits, longDate } from '../../../electron/core/documents/long-date';

describe('dates and counts as a UK letter writes them', () => {
  it('writes dates out in full, with no leading zero, whatever the time zone', () => {
    expect(longDate('2031-03-14')).toBe('14 March 2031');
    expect(longDate('2024-02-29')).toBe('29 February 2024');
    expect(longDate('2030-01-01')).toBe('1 January 2030');
    expect(longDate('2030-12-31')).toBe('31 December 2030');
    expect(() => longDate('2030-13-01')).toThrow();
    expect(() => longDate('14/03/2031')).toThrow();
  });

  it('groups thousands and agrees the noun with the number', () => {
    expect(groupDigits(0)).toBe('0');
    expect(groupDigits(4210)).toBe('4,210');
    expect(groupDigits(1234567)).toBe('1,234,567');
    expect(countOf(1, 'session')).toBe('1 session');
    expect(countOf(12, 'session')).toBe('12 sessions');
    expect(countOf(10000, 'note')).toBe('10,000 notes');
  });
});
