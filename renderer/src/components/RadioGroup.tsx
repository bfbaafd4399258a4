import { useId, type ReactNode } from 'react';

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
  onChange(value: V): void;
}

/** A fieldset of radios: arrow keys move between options, the legend names the question. */
export function RadioGroup<V extends string>({ legend, name, value, options, error, hint, onChange }: Props<V>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <fieldset className={error ? 'field choice-group field--invalid' : 'field choice-group'} aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
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
    </fieldset>
  );
}
