import { useEffect } from 'react';
import type { Note } from '../../../shared/schemas';
import { Alert } from '../components/Alert';
import { NoteEditor } from '../components/NoteEditor';
import { ScreenHeading } from '../components/ScreenHeading';
import { formatDate, formatDateTime } from '../format';
import { useClientFile } from '../stores/clientFile';
import { useDraft } from '../stores/draft';
import { go } from '../stores/navigation';
import { useSession } from '../stores/session';

/** The newest draft this person wrote for the client: the one the editor resumes. */
function resumableDraft(notes: Note[], authorName: string): Note | null {
  let newest: Note | null = null;
  for (const note of notes) {
    if (note.status !== 'draft' || note.authorName !== authorName) continue;
    if (newest === null || note.updatedAt > newest.updatedAt) newest = note;
  }
  return newest;
}

function NoteItem({ note, inEditor }: { note: Note; inEditor: boolean }) {
  if (note.status === 'draft') {
    return (
      <li className="note note--draft">
        <p className="note-meta">
          <span className="badge badge--draft">Draft</span> by {note.authorName}
          {/* The editor shows when the open draft was last saved; a second, older time here would confuse. */}
          {inEditor ? null : ` · last saved ${formatDateTime(note.updatedAt)}`}
        </p>
        {inEditor ? (
          <p className="note-hint">This draft is open in the editor.</p>
        ) : (
          <p className="note-body">{note.body}</p>
        )}
      </li>
    );
  }
  return (
    <li className="note note--final">
      <p className="note-meta">
        <span className="badge badge--final">Final</span> by {note.authorName} ·{' '}
        {formatDateTime(note.finalisedAt ?? note.updatedAt)}
      </p>
      <p className="note-body">{note.body}</p>
    </li>
  );
}

function Detail({ term, value }: { term: string; value: string | null }) {
  return (
    <div className="detail">
      <dt>{term}</dt>
      <dd>{value ?? <span className="muted">Not recorded</span>}</dd>
    </div>
  );
}

export function ClientFile({ clientId }: { clientId: string }) {
  const { client, notes, loading, error } = useClientFile();
  const editorNoteId = useDraft((state) => state.noteId);
  const editorClientId = useDraft((state) => state.clientId);
  const userName = useSession((state) => state.user?.name ?? '');

  useEffect(() => {
    void useClientFile
      .getState()
      .open(clientId)
      .then(() => {
        const state = useClientFile.getState();
        if (state.clientId !== clientId || state.client === null) return;
        useDraft.getState().begin(clientId, resumableDraft(state.notes, userName));
      });
  }, [clientId, userName]);

  const sorted = [...notes].sort((a, b) => (b.createdAt > a.createdAt ? 1 : b.createdAt < a.createdAt ? -1 : 0));

  return (
    <main className="page" aria-labelledby="client-heading">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <button type="button" className="button button--link" onClick={() => go({ name: 'clients' })}>
          <span aria-hidden="true" className="back-arrow">←</span>All clients
        </button>
      </nav>
      {client === null ? (
        <>
          <ScreenHeading id="client-heading">{loading ? 'Opening client file…' : 'Client file'}</ScreenHeading>
          {error ? <Alert>{error.message}</Alert> : null}
        </>
      ) : (
        <>
          <ScreenHeading id="client-heading">
            {client.name}
            {client.preferredName ? <span className="heading-aside"> ({client.preferredName})</span> : null}
          </ScreenHeading>
          {error ? <Alert>{error.message}</Alert> : null}
          <div className="client-layout">
            <section className="panel" aria-labelledby="details-heading">
              <h2 id="details-heading">Details</h2>
              <dl className="details">
                <Detail term="Reference" value={client.reference} />
                <Detail term="Full name" value={client.name} />
                <Detail term="Preferred name" value={client.preferredName} />
                <Detail term="Date of birth" value={client.dateOfBirth ? formatDate(client.dateOfBirth) : null} />
                <Detail term="Phone" value={client.phone} />
                <Detail term="Email" value={client.email} />
                <Detail term="Status" value={client.status === 'active' ? 'Active' : 'Closed'} />
              </dl>
            </section>
            <div className="client-notes">
              {editorClientId === clientId ? (
                <NoteEditor onFinalised={() => void useClientFile.getState().reloadNotes()} />
              ) : null}
              <section className="panel" aria-labelledby="notes-heading">
                <h2 id="notes-heading">Notes</h2>
                {sorted.length === 0 ? (
                  <p className="muted">No notes yet.</p>
                ) : (
                  <ol className="notes" aria-labelledby="notes-heading">
                    {sorted.map((note) => (
                      <NoteItem key={note.id} note={note} inEditor={note.id === editorNoteId} />
                    ))}
                  </ol>
                )}
              </section>
            </div>
          </div>
        </>
      )}
    </main>
  );
}
