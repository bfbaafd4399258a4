import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '../../../electron/core/documents/csv';
import { parseCsv } from '../../support/csv-parse';

// What a spreadsheet may run as a formula if a cell starts with it (OWASP's list, plus the full-width forms).
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];
const startsDangerously = (cell: string) => FORMULA_STARTS.some((start) => cell.startsWith(start));
const withoutBom = (text: string) => (text.startsWith('\uFEFF') ? text.slice(1) : text);

describe('CSV cells', () => {
  it.each([
    ['=', '=HYPERLINK("http://x.invalid","click")', `"'=HYPERLINK(""http://x.invalid"",""click"")"`],
    ['+', '+44 113 496 0000', `'+44 113 496 0000`],
    ['-', '-2+3', `'-2+3`],
    ['@', '@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['TAB', '\t=1+1', `'\t=1+1`],
    ['CR', '\r=1+1', `"'\r=1+1"`],
    ['full-width =', '＝1+1', `'＝1+1`],
    ['full-width @', '＠SUM(A1)', `'＠SUM(A1)`],
  ])('a cell starting with %s gets a leading single quote', (_start, value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('leaves ordinary text alone, and quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('Alex Morgan')).toBe('Alex Morgan');
    expect(csvCell('2031-03-14')).toBe('2031-03-14');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('Morgan, Alex')).toBe('"Morgan, Alex"');
    expect(csvCell('The "Mill"')).toBe('"The ""Mill"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('')).toBe('');
  });

  it('writes CRLF records after a byte order mark', () => {
    expect(csvText([['a', 'b'], ['c', 'd']])).toBe('\uFEFFa,b\r\nc,d\r\n');
  });

  it('any strings survive a strict RFC 4180 read unchanged but for the guard, and no cell can start a formula', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: fc.constantFrom(...FORMULA_STARTS, '"', ',', '\n', '\r\n', ' ', 'a', '\'', '|', '0'), maxLength: 12 }),
      fc.tuple(fc.constantFrom(...FORMULA_STARTS), fc.string({ maxLength: 20 })).map(([start, rest]) => start + rest),
    );
    fc.assert(
      fc.property(fc.array(fc.array(hostile, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const width = rows[0]!.length;
        const table = rows.map((row) => Array.from({ length: width }, (_, column) => row[column] ?? ''));
        const read = parseCsv(withoutBom(csvText(table)));
        expect(read).toHaveLength(table.length);
        read.forEach((row, r) =>
          row.forEach((cell, c) => {
            const original = table[r]![c]!;
            expect(startsDangerously(cell)).toBe(false);
            expect(cell).toBe(startsDangerously(original) ? `'${original}` : original);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
