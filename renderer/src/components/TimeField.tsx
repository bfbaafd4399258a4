import { DigitsBox } from './DigitsBox';
import { fieldClassName, useFieldDescription } from './fieldDescription';

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
  const { id, describedBy, messages, invalid } = useFieldDescription('24-hour clock, for example 14 30', error);
  const part = (name: keyof TimeParts, label: string) => (
    <DigitsBox
      id={`${id}-${name}`}
      label={label}
      value={value[name]}
      width="short"
      invalid={invalid}
      onChange={(text) => onChange({ ...value, [name]: text })}
    />
  );
  return (
    <fieldset className={fieldClassName(error, 'date-field')} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {messages}
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
