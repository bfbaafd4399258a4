/**
 * The reliability suite runs a short form in `npm test` and a long form (hundreds of iterations) when
 * CONFIDE_RELIABILITY_LONG=1, as `.ci/run` does. Each test asks here how many times to repeat.
 */
export const LONG_FORM = process.env['CONFIDE_RELIABILITY_LONG'] === '1';

export function iterations(short: number, long: number): number {
  return LONG_FORM ? long : short;
}
