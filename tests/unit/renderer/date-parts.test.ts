import { describe, expect, it } from 'vitest';

// That the renderer never reads the wall clock is a lint rule (eslint.config.js, tested in lint-boundaries).
import { parseDateParts } from '../../../renderer/src/dateParts';

describe('date parts are checked against the core’s today, given explicitly', () => {
  const dob = (day: string, month: string, year: string, today: string | null) =>
    parseDateParts({ day, month, year }, 'Date of birth', { today });

  it('refuses a date after today and accepts today itself, on either side of a leap day', () => {
    expect(dob('1', '3', '2028', '2028-02-29')).toEqual({ error: 'Date of birth must be in the past' });
    expect(dob('29', '2', '2028', '2028-02-29')).toEqual({ iso: '2028-02-29' });
    expect(dob('29', '2', '2027', '2028-02-29')).toEqual({ error: 'Date of birth must be a real date, for example 27 3 1985' });
    expect(dob('1', '1', '2031', '2030-12-31')).toEqual({ error: 'Date of birth must be in the past' });
    expect(dob('31', '12', '2030', '2030-12-31')).toEqual({ iso: '2030-12-31' });
  });

  it('leaves the future check to the core when today is not yet known', () => {
    expect(dob('1', '1', '2099', null)).toEqual({ iso: '2099-01-01' });
  });

  it('allows future dates where booking ahead is normal', () => {
    expect(parseDateParts({ day: '2', month: '3', year: '2031' }, 'Date', { allowFuture: true, today: '2031-03-01' })).toEqual({
      iso: '2031-03-02',
    });
  });
});
