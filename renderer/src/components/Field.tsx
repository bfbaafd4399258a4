import type { InputHTMLAttributes, ReactNode } from 'react';
import { fieldClassName, useFieldDescription } from './fieldDescription';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'children'> {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** Extra content under the input (e.g. strength feedback), described by the input. */
  after?: ReactNode;
}

/** A labelled input with an optional hint and a field-level error that screen readers hear with it. */
export function Field({ label, hint, error, after, className, ...input }: FieldProps) {
  const { id, describedBy, messages, invalid } = useFieldDescription(hint, error);
  return (
    <div className={fieldClassName(error, className)}>
      <label htmlFor={id}>{label}</label>
      {messages}
      <input id={id} aria-invalid={invalid} aria-describedby={describedBy} {...input} />
      {after}
    </div>
  );
}
