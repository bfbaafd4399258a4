import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attendanceCsv } from '../../../electron/core/documents/attendance-csv';
import { parseCsv } from '../../support/csv-parse';
import { sampleSummary } from '../../support/document-fixtures';

const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];
const read = (csv: string) => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return parseCsv(csv.slice(1));
};

describe('the attendance CSV', () => {
  it('has a header, one row per session attended, then the totals the user chose', () => {
    const rows = read(attendanceCsv(sampleSummary()));
    expect(rows[0]).toEqual(['Practice', 'Reference', 'Client name', 'Date of birth', 'Period from', 'Period to', 'Entry', 'Session date', 'Sessions']);
    const about = ['Riverside Counselling', 'AS-2031-0042', 'Alex Morgan', '1990-05-03', '2031-01-01', '2031-03-31'];
    expect(rows[1]).toEqual([...about, 'Session attended', '2031-01-07', '1']);
    expect(rows.filter((row) => row[6] === 'Session attended')).toHaveLength(13);
    expect(rows.filter((row) => row[7] === '2031-03-25')).toHaveLength(2);
    expect(rows.slice(-3)).toEqual([
      [...about, 'Total sessions attended (individual sessions only: joint work excluded)', '', '13'],
      [...about, 'Booked sessions not attended', '', '2'],
      [...about, 'Sessions cancelled', '', '1'],
    ]);
  });

  it('leaves out the name, date of birth and counts not chosen', () => {
    const summary = sampleSummary({ client: {}, individualSessionsOnly: false });
    delete summary.didNotAttendCount;
    delete summary.cancelledCount;
    const rows = read(attendanceCsv(summary));
    expect(rows.slice(1).every((row) => row[2] === '' && row[3] === '')).toBe(true);
    expect(rows.at(-1)).toEqual(['Riverside Counselling', 'AS-2031-0042', '', '', '2031-01-01', '2031-03-31', 'Total sessions attended', '', '13']);
  });

  it('no name, practice or reference can make a cell a formula, and every value reads back as given', () => {
    const hostile = fc
      .tuple(fc.constantFrom(...FORMULA_STARTS.filter((start) => start.trim() !== ''), '', '"', ' '), fc.string({ unit: fc.constantFrom(...'=+-@",;\'|abc 12()'.split('')), maxLength: 20 }))
      .map(([start, rest]) => `${start}${rest}`.trim())
      .filter((text) => text.length > 0 && text.length <= 40);
    fc.assert(
      fc.property(hostile, hostile, hostile, (practice, client, reference) => {
        const rows = read(attendanceCsv(sampleSummary({ practice: { name: practice, addressLines: [] }, client: { name: client }, reference })));
        for (const row of rows) for (const cell of row) expect(FORMULA_STARTS.some((start) => cell.startsWith(start))).toBe(false);
        const guarded = (value: string) => (FORMULA_STARTS.some((start) => value.startsWith(start)) ? `'${value}` : value);
        for (const row of rows.slice(1)) expect(row.slice(0, 3)).toEqual([guarded(practice), guarded(reference), guarded(client)]);
      }),
      { numRuns: 300 },
    );
  });
});
