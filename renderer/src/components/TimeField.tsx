import { useId } from 'react';

export interface TimeParts {
  hour: string;
  minute: string;
}

export const emptyTime: TimeParts = { hour: '', minute: '' };

/** Hours and minutes on the 24-hour clock; returns "HH:MM" or an error message. */
export function parseTimeParts(parts: TimeParts, label: string): { time: string } | { error: string } {
  const hour = parts.hour.trim();
  const minute = parts.minute.trim();
  if (hour === '' && minute === '') return { error: `Enter the ${label.toLowerCase()}` };
  if (hour === '' || minute === '') return { error: `${label} must include the hour and the minutes` };
  if (!/^\d{1,2}$/.test(hour) || !/^\d{1,2}$/.test(minute) || Number(hour) > 23 || Number(minute) > 59) {
    return { error: `${label} must be a real time on the 24-hour clock, for example 14 30` };
  }
  return { time: `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}` };
}

interface Props {
  legend: string;
  value: TimeParts;
  error?: string | undefined;
  onChange(value: TimeParts): void;
}

/** Two boxes rather than a native time input, which follows the OS locale and may show AM/PM. */
export function TimeField({ legend, value, error, onChange }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const part = (name: keyof TimeParts, label: string) => (
    <div className="date-part">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        className="date-input date-input--short"
        inputMode="numeric"
        autoComplete="off"
        maxLength={2}
        value={value[name]}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange({ ...value, [name]: event.target.value })}
      />
    </div>
  );
  return (
    <fieldset
      className={error ? 'field date-field field--invalid' : 'field date-field'}
      aria-describedby={error ? `${hintId} ${errorId}` : hintId}
    >
      <legend>{legend}</legend>
      <p id={hintId} className="field-hint">
        24-hour clock, for example 14 30
      </p>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      <div className="date-parts">
        {part('hour', 'Hour')}
        <span className="time-separator" aria-hidden="true">
          :
        </span>
        {part('minute', 'Minutes')}
      </div>
    </fieldset>
  );
}
