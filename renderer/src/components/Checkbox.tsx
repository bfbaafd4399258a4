import { useId, type ReactNode } from 'react';

interface Props {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: ReactNode;
  disabled?: boolean;
  invalid?: boolean;
  /** Extra ids (e.g. a group error) that describe this box. */
  describedBy?: string;
}

export function Checkbox({ label, checked, onChange, hint, disabled, invalid, describedBy }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const described = [hint ? hintId : null, describedBy ?? null].filter(Boolean).join(' ');
  return (
    <div className="checkbox-field">
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={described || undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint ? (
        <p id={hintId} className="field-hint checkbox-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
