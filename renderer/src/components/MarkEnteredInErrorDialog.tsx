import { useState, type FormEvent } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import { Alert } from './Alert';
import { Dialog } from './Dialog';
import { TextAreaField } from './TextAreaField';
import { useContractForm } from './useContractForm';

type Marked = MethodOutput<'retention.markEnteredInError'>;

interface Props {
  /** The record to mark: a duplicate client, or a session recorded on the wrong client. */
  target: { clientId: string; reference: string } | { sessionId: string; when: string };
  onClose(): void;
  onMarked(marked: Marked): void;
}

/**
 * A director marks a record as entered in error, with the reason. The next purge destroys it early through the
 * same approval, certificate and register as any other destruction; the core refuses anyone but a director.
 */
export function MarkEnteredInErrorDialog({ target, onClose, onMarked }: Props) {
  const [reason, setReason] = useState('');
  const { formRef, errors, failure, busy, submit } = useContractForm('retention.markEnteredInError');
  const isClient = 'clientId' in target;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const marked = await submit(isClient ? { clientId: target.clientId, reason } : { sessionId: target.sessionId, reason });
    if (marked) onMarked(marked);
  }

  return (
    <Dialog
      title={isClient ? `Mark client ${target.reference} as entered in error` : `Mark the session of ${target.when} as entered in error`}
      role="alertdialog"
      onClose={onClose}
      description={
        <p>
          {isClient
            ? 'This client becomes due for destruction today. '
            : 'This session, its attendance and its notes become due for destruction today; the clients stay. '}
          The next purge you approve destroys {isClient ? 'the whole record' : 'it'}, and that cannot be undone. A legal
          hold still stops it until released. The register will show only a reference code and counts.
        </p>
      }
    >
      {failure ? <Alert>{failure.message}</Alert> : null}
      <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void save(event)}>
        <TextAreaField
          label="Reason"
          hint="Why this record should not exist. Refer to other clients by their reference code, not their name."
          rows={3}
          value={reason}
          error={errors['reason']}
          data-autofocus
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="actions">
          <button type="submit" className="button button--primary button--danger" disabled={busy}>
            {busy ? 'Marking…' : 'Mark as entered in error'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
