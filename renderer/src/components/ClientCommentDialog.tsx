import { useRef, useState, type FormEvent } from 'react';
import { call, type UiError } from '../api';
import type { NoteRecord } from '../../../shared/records';
import { personLabel } from '../format';
import { Alert } from './Alert';
import { Dialog } from './Dialog';
import { showErrorsAndFocus } from './forms';
import { TextAreaField } from './TextAreaField';

interface Props {
  note: NoteRecord;
  /** The client whose file the note is open in: the comment is theirs, and appears in their file only. */
  clientId: string;
  onClose(): void;
  onRecorded(note: NoteRecord): void;
}

/**
 * The client's own view of the note's accuracy (their right to rectification), recorded as theirs beside
 * the note. The note itself is not changed. In a joint note each partner comments from their own file, so
 * one partner's words never reach the other's.
 */
export function ClientCommentDialog({ note, clientId, onClose, onRecorded }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ comment?: string }>({});
  const commenter = note.subjects.find((subject) => subject.id === clientId);
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found: typeof errors = {};
    if (comment.trim() === '') found.comment = 'Enter the client’s comment';
    if (Object.keys(found).length > 0) {
      showErrorsAndFocus(formRef.current, () => {
        setErrors(found);
        setFailure(null);
      });
      return;
    }
    setBusy(true);
    const result = await call('notes.addClientComment', { noteId: note.id, clientId, comment });
    setBusy(false);
    if (!result.ok) {
      const message = result.error.fields.comment;
      showErrorsAndFocus(formRef.current, () => {
        setErrors(message ? { comment: message } : {});
        setFailure(message ? null : result.error);
      });
      return;
    }
    onRecorded(result.value);
  }

  return (
    <Dialog
      title="Add the client’s comment"
      onClose={onClose}
      wide
      description={
        <p>
          Record what the client says about the accuracy of this note, in their words. It is kept beside the note as
          the client’s comment; the note itself does not change.
        </p>
      }
    >
      {failure ? <Alert>{failure.message}</Alert> : null}
      <form ref={formRef} className="form" noValidate aria-busy={busy} onSubmit={(event) => void submit(event)}>
        {commenter ? (
          <p className="context-line">
            <strong>Comment from:</strong> {personLabel(commenter)}
            {note.subjects.length > 1 ? '. The other people in this note comment from their own files.' : ''}
          </p>
        ) : null}
        <TextAreaField
          label="The client’s comment on accuracy"
          rows={5}
          value={comment}
          error={errors.comment}
          data-autofocus
          onChange={(event) => setComment(event.target.value)}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Recording…' : 'Record comment'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
