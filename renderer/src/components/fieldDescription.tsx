import { useId, type ReactNode } from 'react';

/**
 * The id, hint and error wiring every form control shares: the hint and the error sit under the label and
 * are announced with the control (aria-describedby), and the control is marked invalid while in error.
 */
export function useFieldDescription(hint: ReactNode, error: string | undefined) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const messages = (
    <>
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
    </>
  );
  return { id, describedBy, messages, invalid: error ? (true as const) : undefined };
}

export function fieldClassName(error: string | undefined, ...extra: Array<string | undefined>): string {
  return ['field', error ? 'field--invalid' : '', ...extra].filter(Boolean).join(' ');
}
