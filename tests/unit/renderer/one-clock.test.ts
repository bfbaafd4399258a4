import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDateParts } from '../../../renderer/src/dateParts';

const RENDERER = join(import.meta.dirname, '../../../renderer/src');

describe('the renderer has one clock: the core’s', () => {
  it('no renderer file reads the wall clock (Date.now() or new Date() with no argument)', () => {
    const files = (readdirSync(RENDERER, { recursive: true }) as string[]).filter((name) => /\.tsx?$/.test(name));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((name) => /Date\.now\s*\(|new Date\s*\(\s*\)/.test(readFileSync(join(RENDERER, name), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

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
