import { DigitsBox } from './DigitsBox';
import { fieldClassName, useFieldDescription } from './fieldDescription';

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
  { allowFuture = false, example = '27 3 1985' }: DateRules = {},
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
  if (!allowFuture && date.getTime() > Date.now()) return { error: `${label} must be in the past` };
  return { iso: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` };
}

interface Props {
  legend: string;
  value: DateParts;
  error?: string | undefined;
  hint?: string;
  onChange(value: DateParts): void;
}

export function DateField({ legend, value, error, hint = 'For example, 27 3 1985', onChange }: Props) {
  const { id, describedBy, messages, invalid } = useFieldDescription(hint, error);
  const part = (name: keyof DateParts, label: string, width: 'short' | 'long') => (
    <DigitsBox
      id={`${id}-${name}`}
      label={label}
      value={value[name]}
      width={width}
      invalid={invalid}
      onChange={(text) => onChange({ ...value, [name]: text })}
    />
  );
  return (
    <fieldset className={fieldClassName(error, 'date-field')} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {messages}
      <div className="date-parts">
        {part('day', 'Day', 'short')}
        {part('month', 'Month', 'short')}
        {part('year', 'Year', 'long')}
      </div>
    </fieldset>
  );
}
