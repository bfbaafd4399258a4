import { useEffect, useId, useState } from 'react';
import type { UiError } from '../api';
import type { NoteRecord } from '../../../shared/records';
import { formatTime } from '../format';
import { useDraft, type SaveState } from '../stores/draft';
import { Alert } from './Alert';
import { Dialog } from './Dialog';

function statusText(state: SaveState): string {
  switch (state.kind) {
    case 'idle':
      return 'Your note is saved as a draft automatically as you type.';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Draft saved at ${formatTime(state.at)}`;
    case 'error':
      return `Not saved — ${state.reason}`;
  }
}

/** The draft open in the draft store: autosaved as typed, finalised after a confirmation. */
export function NoteEditor({ clientId, onFinalised }: { clientId: string; onFinalised(note: NoteRecord): void }) {
  const body = useDraft((state) => state.body);
  const saveState = useDraft((state) => state.saveState);
  const edit = useDraft((state) => state.edit);
  const flush = useDraft((state) => state.flush);
  const [confirming, setConfirming] = useState(false);
  const [finalising, setFinalising] = useState(false);
  const [failure, setFailure] = useState<UiError | null>(null);
  const textareaId = useId();
  const statusId = useId();

  // Leaving the note saves whatever was typed since the last autosave.
  useEffect(() => () => void useDraft.getState().flush(), []);

  async function finalise() {
    setFinalising(true);
    setFailure(null);
    const result = await useDraft.getState().finalise(clientId);
    setFinalising(false);
    setConfirming(false);
    if (result.ok) onFinalised(result.note);
    else if (result.error) setFailure(result.error);
  }

  const empty = body.trim() === '';

  return (
    <section className="panel" aria-labelledby="write-heading">
      <h2 id="write-heading">Write the note</h2>
      {failure ? <Alert>{failure.message}</Alert> : null}
      <div className="field">
        <label htmlFor={textareaId}>Note</label>
        <textarea
          id={textareaId}
          className="note-textarea"
          rows={12}
          value={body}
          aria-describedby={statusId}
          onChange={(event) => edit(event.target.value)}
          onBlur={() => void flush()}
        />
      </div>
      <div className="editor-footer">
        <p
          id={statusId}
          className={`autosave autosave--${saveState.kind}`}
          role="status"
          aria-live="polite"
          data-testid="autosave-status"
        >
          {statusText(saveState)}
        </p>
        <button
          type="button"
          className="button button--primary"
          disabled={empty || finalising}
          onClick={() => setConfirming(true)}
        >
          Finalise note
        </button>
      </div>
      {confirming ? (
        <Dialog
          title="Finalise this note?"
          role="alertdialog"
          onClose={() => setConfirming(false)}
          description={
            <p>
              Once a note is finalised it can no longer be edited. It will be signed with your name and the time. Any
              later correction is added as an amendment, with a reason, and the original stays in its history.
            </p>
          }
        >
          <div className="actions">
            <button type="button" className="button button--primary" disabled={finalising} onClick={() => void finalise()}>
              {finalising ? 'Finalising…' : 'Finalise note'}
            </button>
            <button type="button" className="button" data-autofocus onClick={() => setConfirming(false)}>
              Keep editing
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}
