const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/**
 * "14 March 2031" from "2031-03-14": the date as a UK letter writes it. Calendar dates are text, so no
 * time zone or locale data can move them.
 */
export function longDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) throw new Error('longDate expects a YYYY-MM-DD date');
  return `${Number(match[3])} ${month} ${match[1]}`;
}
