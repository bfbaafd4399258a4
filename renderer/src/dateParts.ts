/** Dates as typed in three boxes, checked without the DOM (and so testable under Node). */

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const emptyDate: DateParts = { day: '', month: '', year: '' };

/** The parts of an ISO date ("2026-11-23"), as they would be typed. */
export function datePartsOf(iso: string | null): DateParts {
  if (iso === null) return emptyDate;
  const [year = '', month = '', day = ''] = iso.slice(0, 10).split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

interface DateRules {
  /** Dates after today are allowed (a session booked ahead); otherwise the date must not be in the future. */
  allowFuture?: boolean;
  /** Today's date from the core (YYYY-MM-DD); when unknown, the core's own check still applies. */
  today?: string | null;
  /** Shown in the "must be a real date" message. */
  example?: string;
}

/**
 * Day, month and year as three boxes: unambiguous for UK users whatever the computer's locale
 * (a native date input follows the OS and may show mm/dd/yyyy).
 * Returns `null` for an empty date, an ISO date for a real one, or an error message.
 */
export function parseDateParts(
  parts: DateParts,
  label: string,
  { allowFuture = false, today = null, example = '27 3 1985' }: DateRules = {},
): { iso: string | null } | { error: string } {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (day === '' && month === '' && year === '') return { iso: null };
  if (day === '' || month === '' || year === '') return { error: `${label} must include a day, month and year` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { error: `${label} must be a real date, for example ${example}` };
  }
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { error: `${label} must be a real date, for example ${example}` };
  }
  if (y < 1900) return { error: `${label} must be on or after 1 January 1900` };
  if (allowFuture && y > 2100) return { error: `${label} must be before 2101` };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (!allowFuture && today !== null && iso > today) return { error: `${label} must be in the past` };
  return { iso };
}
