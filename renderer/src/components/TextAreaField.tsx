import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { fieldClassName, useFieldDescription } from './fieldDescription';

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'children'> {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled multi-line box with hint and error, described the same way as Field. */
export function TextAreaField({ label, hint, error, className, ...textarea }: Props) {
  const { id, describedBy, messages, invalid } = useFieldDescription(hint, error);
  return (
    <div className={fieldClassName(error, className)}>
      <label htmlFor={id}>{label}</label>
      {messages}
      <textarea id={id} aria-invalid={invalid} aria-describedby={describedBy} {...textarea} />
    </div>
  );
}
