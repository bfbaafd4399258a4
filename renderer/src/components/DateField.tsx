import { useState } from 'react';
import { useToday } from '../stores/clock';
import { datePartsOf, type DateParts } from '../dateParts';
import { DigitsBox } from './DigitsBox';
import { fieldClassName, useFieldDescription } from './fieldDescription';

export { datePartsOf, emptyDate, parseDateParts, type DateParts } from '../dateParts';

/**
 * A date field's value that shows today's date (from the core) until the person types: the default follows
 * the core's clock rather than the computer's.
 */
export function useDateDefaultingToToday(): [DateParts, (value: DateParts) => void] {
  const today = useToday();
  const [typed, setTyped] = useState<DateParts | null>(null);
  return [typed ?? datePartsOf(today), setTyped];
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
