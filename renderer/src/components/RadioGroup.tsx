import type { ReactNode } from 'react';
import { fieldClassName, useFieldDescription } from './fieldDescription';

interface Option<V extends string> {
  value: V;
  label: string;
  hint?: ReactNode;
}

interface Props<V extends string> {
  legend: string;
  name: string;
  value: V | null;
  options: ReadonlyArray<Option<V>>;
  error?: string | undefined;
  hint?: ReactNode;
  /** Options side by side: for a few short labels without hints. */
  inline?: boolean;
  onChange(value: V): void;
}

/** A fieldset of radios: arrow keys move between options, the legend names the question. */
export function RadioGroup<V extends string>({ legend, name, value, options, error, hint, inline = false, onChange }: Props<V>) {
  const { id, describedBy, messages } = useFieldDescription(hint, error);
  return (
    <fieldset
      className={fieldClassName(error, 'choice-group', inline ? 'choice-group--inline' : undefined)}
      aria-describedby={describedBy}
    >
      <legend>{legend}</legend>
      {messages}
      <div className="choices">
        {options.map((option, index) => {
          const optionId = `${id}-${option.value}`;
          return (
            <div key={option.value} className="radio">
              <input
                id={optionId}
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                aria-invalid={error && index === 0 ? true : undefined}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                onChange={() => onChange(option.value)}
              />
              <label htmlFor={optionId}>
                {option.label}
                {option.hint ? (
                  <span id={`${optionId}-hint`} className="radio-hint">
                    {option.hint}
                  </span>
                ) : null}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
