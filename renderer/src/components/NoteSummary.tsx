import type { NoteRecord } from '../../../shared/records';
import { formatDateTime, listPeople } from '../format';

export const noteKindLabels: Record<NoteRecord['kind'], string> = {
  session: 'Session note',
  case: 'Case note',
  client: 'Client note',
  contact: 'Contact note',
};

const PREVIEW_LENGTH = 600;

function preview(text: string): string {
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH).trimEnd()}…` : text;
}

interface Props {
  note: NoteRecord;
  /** The signed-in user: only their own drafts can be continued. */
  userId: string;
  onOpen(note: NoteRecord): void;
}

/** A note as listed in a client's file: who wrote it, when, its current text, and a way in. */
export function NoteSummary({ note, userId, onOpen }: Props) {
  const draft = note.status === 'draft';
  const amended = note.amendments.length;
  return (
    <li className={draft ? 'note note--draft' : 'note note--final'} data-note-id={note.id}>
      <p className="note-meta">
        {draft ? <span className="badge badge--draft">Draft</span> : <span className="badge badge--final">Final</span>}{' '}
        <span className="note-kind">{noteKindLabels[note.kind]}</span> by {note.authorName} ·{' '}
        {draft ? `last saved ${formatDateTime(note.updatedAt)}` : formatDateTime(note.finalisedAt ?? note.updatedAt)}
        {amended > 0 ? (
          <>
            {' '}
            <span className="badge badge--amended">Amended{amended > 1 ? ` ×${amended}` : ''}</span>
          </>
        ) : null}
        {note.clientComments.length > 0 ? (
          <>
            {' '}
            <span className="badge badge--comment">Client comment</span>
          </>
        ) : null}
      </p>
      {note.otherSubjects.length + note.formerSubjects > 0 ? <p className="note-also">Also about {listPeople(note.otherSubjects, note.formerSubjects)}</p> : null}
      <p className="note-body">{preview(note.currentBody)}</p>
      <div className="note-actions">
        <button type="button" className="button button--small" onClick={() => onOpen(note)}>
          {draft && note.authorId === userId ? 'Continue draft' : 'Open note'}
          <span className="visually-hidden">
            {' '}
            ({noteKindLabels[note.kind].toLowerCase()} by {note.authorName})
          </span>
        </button>
      </div>
    </li>
  );
}
