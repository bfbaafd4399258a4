import { useRef, useState, type FormEvent } from 'react';
import { call, type UiError } from '../api';
import type { NoteRecord } from '../../../shared/records';
import { Alert } from './Alert';
import { Dialog } from './Dialog';
import { showErrorsAndFocus } from './forms';
import { TextAreaField } from './TextAreaField';

interface Props {
  note: NoteRecord;
  /** The client whose file the note is open in. */
  clientId: string;
  onClose(): void;
  onAmended(note: NoteRecord): void;
}

/** A finalised note is corrected by appending an amendment with a reason; the original stays in history. */
export function AmendDialog({ note, clientId, onClose, onAmended }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const [body, setBody] = useState(note.currentBody);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ body?: string; reason?: string }>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found: typeof errors = {};
    if (body.trim() === '') found.body = 'Enter the amended text';
    else if (body === note.currentBody) found.body = 'Change the text to amend it, or cancel';
    if (reason.trim() === '') found.reason = 'Give a reason for the amendment';
    if (Object.keys(found).length > 0) {
      showErrorsAndFocus(formRef.current, () => {
        setErrors(found);
        setFailure(null);
      });
      return;
    }
    setBusy(true);
    const result = await call('notes.amend', { noteId: note.id, clientId, body, reason });
    setBusy(false);
    if (!result.ok) {
      const { fields } = result.error;
      const fieldErrors = { ...(fields.body ? { body: fields.body } : {}), ...(fields.reason ? { reason: fields.reason } : {}) };
      showErrorsAndFocus(formRef.current, () => {
        setErrors(fieldErrors);
        setFailure(Object.keys(fieldErrors).length > 0 ? null : result.error);
      });
      return;
    }
    onAmended(result.value);
  }

  return (
    <Dialog
      title="Amend this note"
      onClose={onClose}
      wide
      description={
        <p>
          The note stays as it was finalised. Your amended text is added after it, signed with your name, the time
          and your reason, and the original remains in the note’s history.
        </p>
      }
    >
      {failure ? <Alert>{failure.message}</Alert> : null}
      <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
        <TextAreaField
          label="Amended text"
          className="field--note"
          rows={10}
          value={body}
          error={errors.body}
          data-autofocus
          onChange={(event) => setBody(event.target.value)}
        />
        <TextAreaField
          label="Reason for the amendment"
          hint="For example: wrong date recorded; the client corrected a fact."
          rows={2}
          value={reason}
          error={errors.reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save amendment'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
