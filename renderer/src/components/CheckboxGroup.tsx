import type { ReactNode } from 'react';
import { fieldClassName, useFieldDescription } from './fieldDescription';

interface Option<V extends string> {
  value: V;
  label: ReactNode;
}

interface Props<V extends string> {
  legend: string;
  options: ReadonlyArray<Option<V>>;
  checked: ReadonlySet<V>;
  error?: string | undefined;
  hint?: ReactNode;
  onChange(checked: ReadonlySet<V>): void;
}

/** A question answered by ticking any number of boxes: the legend names it, its hint and error describe it. */
export function CheckboxGroup<V extends string>({ legend, options, checked, error, hint, onChange }: Props<V>) {
  const { id, describedBy, messages } = useFieldDescription(hint, error);
  function toggle(value: V, on: boolean) {
    const next = new Set(checked);
    if (on) next.add(value);
    else next.delete(value);
    onChange(next);
  }
  return (
    <fieldset className={fieldClassName(error, 'choice-group')} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {messages}
      <div className="choices">
        {options.map((option, index) => (
          <div key={option.value} className="checkbox">
            <input
              id={`${id}-${option.value}`}
              type="checkbox"
              checked={checked.has(option.value)}
              aria-invalid={error && index === 0 ? true : undefined}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
