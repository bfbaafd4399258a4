import { useRef, useState } from 'react';
import { call, type UiError } from '../api';
import { contract, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/contract';
import { showErrorsAndFocus } from './forms';

/** Field path ("email", "equality.gender") → the message to show beside it. */
export type FieldErrors = Readonly<Record<string, string>>;

/**
 * One way every form submits: the input is checked with the contract's own schema first — so a form shows
 * exactly the messages the core would give, written once in shared/ — then sent; whatever the core refuses
 * comes back the same way, by field. Errors are shown at once and focus moves to the first invalid field.
 * `local` carries what only the screen can check (date boxes that do not make a date).
 */
export function useContractForm<M extends MethodName>(method: M) {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (fields: FieldErrors, general: UiError | null) =>
    showErrorsAndFocus(formRef.current, () => {
      setErrors(fields);
      setFailure(general);
    });

  async function submit(input: MethodInput<M>, local: FieldErrors = {}): Promise<MethodOutput<M> | null> {
    if (busy) return null;
    const checked = contract[method].input.safeParse(input);
    const found = { ...(checked.success ? {} : firstPerField(checked.error.issues)), ...local };
    if (Object.keys(found).length > 0) {
      show(found, null);
      return null;
    }
    setBusy(true);
    const result = await call(method, input);
    setBusy(false);
    if (!result.ok) {
      const { fields } = result.error;
      show(fields, Object.keys(fields).length > 0 ? null : result.error);
      return null;
    }
    setErrors({});
    setFailure(null);
    return result.value;
  }

  return { formRef, errors, failure, busy, submit };
}

function firstPerField(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldErrors {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
  return fields;
}
