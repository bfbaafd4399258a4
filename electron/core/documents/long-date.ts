// One rule for writing a date in words, shared with the core's messages and the screens.
export { longDate } from '../../../shared/long-date';

/** "1 session", "12 sessions". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${groupDigits(count)} ${count === 1 ? singular : plural}`;
}

/** "4,210": thousands grouped with commas, as UK documents print counts. */
export function groupDigits(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
