import { useRef, useState, type FormEvent } from 'react';
import { holdKindLabels, holdKinds, type HoldKind, type LegalHold } from '../../../shared/retention';
import { call, type UiError } from '../api';
import { Alert } from './Alert';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { showErrorsAndFocus } from './forms';
import { SelectField } from './SelectField';

interface Props {
  client: { id: string; reference: string };
  cases: ReadonlyArray<{ id: string; reference: string }>;
  onClose(): void;
  onPlaced(hold: LegalHold): void;
}

/** A director places a legal hold on the client, or on one of their cases (which holds everyone in it). */
export function PlaceHoldDialog({ client, cases, onClose, onPlaced }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<HoldKind>('court');
  const [on, setOn] = useState<string>('client');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (reference.trim() === '') {
      showErrorsAndFocus(formRef.current, () => setError('Enter the reference of the court order, inquest, complaint or investigation'));
      return;
    }
    setBusy(true);
    const target = on === 'client' ? { clientId: client.id } : { caseId: on };
    const result = await call('holds.place', { ...target, kind, reference });
    setBusy(false);
    if (!result.ok) {
      const fieldMessage = result.error.fields.reference;
      showErrorsAndFocus(formRef.current, () => {
        setError(fieldMessage);
        setFailure(fieldMessage ? null : result.error);
      });
      return;
    }
    onPlaced(result.value);
  }

  return (
    <Dialog
      title="Place a legal hold"
      onClose={onClose}
      description={<p>Nothing held is destroyed, whatever its due date, until a director releases the hold.</p>}
    >
      {failure ? <Alert>{failure.message}</Alert> : null}
      <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
        <SelectField<HoldKind> label="Kind of hold" value={kind} options={holdKinds.map((value) => ({ value, label: holdKindLabels[value] }))} onChange={setKind} />
        <SelectField
          label="Hold"
          value={on}
          options={[
            { value: 'client', label: `This client (${client.reference})` },
            ...cases.map((kase) => ({ value: kase.id, label: `Case ${kase.reference} (everyone in it)` })),
          ]}
          onChange={setOn}
        />
        <Field
          label="Reference"
          hint="The court, coroner’s, complaint or investigation reference, as the request gives it."
          autoComplete="off"
          value={reference}
          error={error}
          data-autofocus
          onChange={(event) => setReference(event.target.value)}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Placing…' : 'Place hold'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
