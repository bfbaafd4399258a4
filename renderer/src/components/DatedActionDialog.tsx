import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { UiError, UiResult } from '../api';
import { useToday } from '../stores/clock';
import { Alert } from './Alert';
import { DateField, parseDateParts, useDateDefaultingToToday } from './DateField';
import { Dialog } from './Dialog';
import { showErrorsAndFocus } from './forms';

interface Props<T> {
  title: string;
  description: ReactNode;
  role?: 'dialog' | 'alertdialog';
  /** The date's label, e.g. "Closing date"; its hint and the message when it is left empty. */
  legend: string;
  example: string;
  whenMissing: string;
  /** Whether the date may be after today is the core's to say (the renderer only checks it is a real date). */
  allowFuture?: boolean;
  /** The contract's field for the date, whose message is shown beside it. */
  field: string;
  submitLabel: string;
  busyLabel?: string;
  cancelLabel: string;
  danger?: boolean;
  act(isoDate: string): Promise<UiResult<T>>;
  onClose(): void;
  onDone(value: T): void;
}

/** A dialog that records one act on a date (closing a case, a withdrawal): the date, then the core's answer. */
export function DatedActionDialog<T>(props: Props<T>) {
  const formRef = useRef<HTMLFormElement>(null);
  const today = useToday();
  const [date, setDate] = useDateDefaultingToToday();
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const parsed = parseDateParts(date, props.legend, { today, allowFuture: props.allowFuture ?? false, example: props.example });
    const problem = 'error' in parsed ? parsed.error : parsed.iso === null ? props.whenMissing : null;
    if (problem !== null || !('iso' in parsed) || parsed.iso === null) {
      showErrorsAndFocus(formRef.current, () => setError(problem ?? undefined));
      return;
    }
    setBusy(true);
    const result = await props.act(parsed.iso);
    setBusy(false);
    if (!result.ok) {
      const fieldMessage = result.error.fields[props.field];
      showErrorsAndFocus(formRef.current, () => {
        setError(fieldMessage);
        setFailure(fieldMessage ? null : result.error);
      });
      return;
    }
    props.onDone(result.value);
  }

  return (
    <Dialog title={props.title} role={props.role ?? 'dialog'} onClose={props.onClose} description={props.description}>
      {failure ? <Alert>{failure.message}</Alert> : null}
      <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
        <DateField legend={props.legend} hint={`For example, ${props.example}`} value={date} error={error} onChange={setDate} />
        <div className="actions">
          <button type="submit" className={`button button--primary${props.danger ? ' button--danger' : ''}`} disabled={busy}>
            {busy ? (props.busyLabel ?? 'Recording…') : props.submitLabel}
          </button>
          <button type="button" className="button" data-autofocus onClick={props.onClose}>
            {props.cancelLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
