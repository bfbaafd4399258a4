import { fieldClassName, useFieldDescription } from './fieldDescription';

interface Props<V extends string> {
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  error?: string | undefined;
  hint?: string;
  onChange(value: V): void;
}

export function SelectField<V extends string>({ label, value, options, error, hint, onChange }: Props<V>) {
  const { id, describedBy, messages, invalid } = useFieldDescription(hint, error);
  return (
    <div className={fieldClassName(error)}>
      <label htmlFor={id}>{label}</label>
      {messages}
      <select
        id={id}
        value={value}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
