import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { NoteAbout, NoteRecord, ParticipantRef } from '../../../shared/records';
import { Alert } from '../components/Alert';
import { AmendDialog } from '../components/AmendDialog';
import { ClientCommentDialog } from '../components/ClientCommentDialog';
import { NoteEditor } from '../components/NoteEditor';
import { noteKindLabels } from '../components/NoteSummary';
import { ScreenHeading } from '../components/ScreenHeading';
import { SessionKind } from '../components/SessionKind';
import {
  caseKindLabels,
  formatDate,
  formatDateTime,
  formatDuration,
  formatSessionStart,
  listPeople,
  modalityLabels,
  personLabel,
  sessionStatusLabels,
} from '../format';
import { useClientFile } from '../stores/clientFile';
import { useDraft } from '../stores/draft';
import { go } from '../stores/navigation';
import { useNote } from '../stores/note';
import { derivedSubjects } from '../../../shared/rules/subjects';
import { useSession } from '../stores/session';

/** What an existing note is about, read back from the note itself. */
function aboutOf(note: NoteRecord): NoteAbout | null {
  switch (note.kind) {
    case 'session':
      return note.sessionId === null ? null : { type: 'session', sessionId: note.sessionId };
    case 'case':
      return note.caseId === null ? null : { type: 'case', caseId: note.caseId };
    case 'client':
    case 'contact': {
      const subject = note.subjects[0];
      return subject === undefined ? null : { type: 'client', clientId: subject.id, kind: note.kind };
    }
  }
}

function kindOf(about: NoteAbout): NoteRecord['kind'] {
  return about.type === 'client' ? about.kind : about.type;
}

function sameAbout(note: NoteRecord, about: NoteAbout): boolean {
  switch (about.type) {
    case 'session':
      return note.sessionId === about.sessionId;
    case 'case':
      return note.kind === 'case' && note.caseId === about.caseId;
    case 'client':
      return note.kind === about.kind && note.subjects.some((s) => s.id === about.clientId);
  }
}

/** Where the note sits (which session or case) and whose files it appears in. */
function NoteContext({ about, subjects }: { about: NoteAbout; subjects: ParticipantRef[] }) {
  const { sessions, cases } = useClientFile();
  let where: ReactNode = null;
  if (about.type === 'session') {
    const session = sessions.find((s) => s.id === about.sessionId);
    const kase = session ? cases.find((c) => c.id === session.caseId) : undefined;
    where = session ? (
      <>
        <p className="context-line">
          <SessionKind session={session} />
        </p>
        <p className="context-line">
          Session on {formatSessionStart(session.startsAt)} · {formatDuration(session.durationMinutes)} ·{' '}
          {modalityLabels[session.modality]} · {sessionStatusLabels[session.status]}
          {kase ? ` · ${caseKindLabels[kase.kind]} case ${kase.reference}` : ''}
        </p>
      </>
    ) : null;
  } else if (about.type === 'case') {
    const kase = cases.find((c) => c.id === about.caseId);
    where = kase ? (
      <p className="context-line">
        {caseKindLabels[kase.kind]} case {kase.reference}, opened {formatDate(kase.openedOn)}
        {kase.closedOn ? `, closed ${formatDate(kase.closedOn)}` : ''}
      </p>
    ) : null;
  } else if (about.kind === 'contact') {
    where = <p className="context-line">A record of contact outside sessions: a call, letter or message.</p>;
  }
  return (
    <section className="panel panel--context" aria-labelledby="about-heading">
      <h2 id="about-heading">About this note</h2>
      {where}
      {subjects.length > 0 ? (
        <p className="context-line subjects" data-testid="note-subjects">
          <strong>About:</strong> {listPeople(subjects)}.{' '}
          {subjects.length === 1
            ? 'It appears in this client’s file only.'
            : 'It appears in each of their files, and in no one else’s.'}
        </p>
      ) : null}
    </section>
  );
}

function FinalNote({ note, clientId, notice }: { note: NoteRecord; clientId: string; notice: string | null }) {
  const [amending, setAmending] = useState(false);
  const [commenting, setCommenting] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(notice);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const historyId = useId();
  const last = note.amendments.at(-1);

  useEffect(() => {
    if (notice !== null) headingRef.current?.focus();
  }, [notice]);

  return (
    <>
      {message ? <Alert tone="success">{message}</Alert> : null}
      <section className="panel note-final" aria-labelledby="note-text-heading">
        <h2 id="note-text-heading" ref={headingRef} tabIndex={-1} className="focus-target">
          {last ? 'Note as amended' : 'Note'}
        </h2>
        <p className="signature">
          <span className="badge badge--final">Final</span> Finalised by {note.authorName} on{' '}
          {formatDateTime(note.finalisedAt ?? note.updatedAt)}.
          {last ? (
            <>
              {' '}
              <span className="badge badge--amended">Amended</span> Last amended by {last.authorName} on{' '}
              {formatDateTime(last.createdAt)}.
            </>
          ) : null}
        </p>
        <p className="note-body note-body--full" data-testid="note-current-text">
          {note.currentBody}
        </p>
        <div className="actions">
          <button type="button" className="button" onClick={() => setAmending(true)}>
            Amend
          </button>
          <button type="button" className="button" onClick={() => setCommenting(true)}>
            Add client’s comment
          </button>
          <button
            type="button"
            className="button"
            aria-expanded={historyOpen}
            aria-controls={historyId}
            onClick={() => setHistoryOpen(!historyOpen)}
          >
            History
          </button>
        </div>
      </section>
      {note.clientComments.length > 0 ? (
        <section className="panel" aria-labelledby="comments-heading">
          <h2 id="comments-heading">Client’s comments on accuracy</h2>
          <ol className="comments">
            {note.clientComments.map((comment) => (
              <li key={comment.id} className="comment">
                <p className="comment-meta">
                  Comment from {personLabel(comment.clientRef)} on the accuracy of this note, recorded by{' '}
                  {comment.recordedBy} on {formatDateTime(comment.createdAt)}:
                </p>
                <blockquote className="comment-text">{comment.comment}</blockquote>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <section id={historyId} className="panel" aria-labelledby="history-heading" hidden={!historyOpen}>
        <h2 id="history-heading">History</h2>
        <ol className="history">
          <li className="history-entry">
            <p className="history-meta">
              <strong>Original</strong> — finalised by {note.authorName} on {formatDateTime(note.finalisedAt ?? note.updatedAt)}
            </p>
            <p className="note-body">{note.body}</p>
          </li>
          {note.amendments.map((amendment, index) => (
            <li key={amendment.id} className="history-entry">
              <p className="history-meta">
                <strong>Amendment {index + 1}</strong> — by {amendment.authorName} on {formatDateTime(amendment.createdAt)}
              </p>
              <p className="history-reason">Reason: {amendment.reason}</p>
              <p className="note-body">{amendment.body}</p>
            </li>
          ))}
        </ol>
      </section>
      {amending ? (
        <AmendDialog
          note={note}
          clientId={clientId}
          onClose={() => setAmending(false)}
          onAmended={(amended) => {
            setAmending(false);
            useNote.getState().show(amended);
            setMessage('Amendment saved. The original text stays in the note’s history.');
          }}
        />
      ) : null}
      {commenting ? (
        <ClientCommentDialog
          note={note}
          clientId={clientId}
          onClose={() => setCommenting(false)}
          onRecorded={(commented) => {
            setCommenting(false);
            useNote.getState().show(commented);
            setMessage('The client’s comment is recorded beside the note.');
          }}
        />
      ) : null}
    </>
  );
}

/** Whose files the note appears in: the note's own subjects, or for a new note those it will get. */
function subjectsFor(
  about: NoteAbout | null,
  existing: NoteRecord | null,
  file: Pick<ReturnType<typeof useClientFile.getState>, 'sessions' | 'cases' | 'client'>,
): ParticipantRef[] {
  if (existing !== null) return existing.subjects;
  if (about === null) return [];
  return derivedSubjects(about, {
    attendeesOf: (sessionId) => file.sessions.find((s) => s.id === sessionId)?.attendees ?? [],
    participantsOf: (caseId) => file.cases.find((c) => c.id === caseId)?.participants ?? [],
    client: (clientId) =>
      file.client?.id === clientId ? [{ id: file.client.id, reference: file.client.reference, name: file.client.name }] : [],
  });
}

type Mode = { kind: 'loading' } | { kind: 'editing'; about: NoteAbout } | { kind: 'final'; notice: string | null } | { kind: 'failed' };

export function NoteScreen({ clientId, about, noteId }: { clientId: string; about: NoteAbout | null; noteId: string | null }) {
  const file = useClientFile();
  const client = file.client;
  const note = useNote((state) => state.note);
  const noteError = useNote((state) => state.error);
  const fileError = file.error;
  const userId = useSession((state) => state.user?.id ?? '');
  const [mode, setMode] = useState<Mode>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    void (async () => {
      const file = useClientFile.getState();
      if (file.clientId !== clientId || !file.loaded) await file.open(clientId);
      if (!live) return;
      if (noteId !== null) {
        await useNote.getState().open(noteId, clientId);
        if (!live) return;
        const opened = useNote.getState().note;
        const target = opened ? aboutOf(opened) : null;
        if (opened === null || target === null) return setMode({ kind: 'failed' });
        if (opened.status === 'draft' && opened.authorId === userId) {
          useDraft.getState().begin(target, opened);
          setMode({ kind: 'editing', about: target });
        } else setMode({ kind: 'final', notice: null });
      } else if (about !== null) {
        useNote.getState().reset();
        const draft =
          useClientFile
            .getState()
            .notes.filter((n) => n.status === 'draft' && n.authorId === userId && sameAbout(n, about))
            .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0] ?? null;
        useDraft.getState().begin(about, draft);
        setMode({ kind: 'editing', about });
      } else setMode({ kind: 'failed' });
    })();
    return () => {
      live = false;
    };
  }, [clientId, about, noteId, userId]);

  useEffect(() => () => useNote.getState().reset(), []);

  const target = mode.kind === 'editing' ? mode.about : note ? aboutOf(note) : about;
  const kind = target ? kindOf(target) : null;
  // While a draft is open the editor's record is the truth; the note store holds the draft as first opened.
  const subjects = subjectsFor(target, mode.kind === 'final' || noteId !== null ? note : null, file);

  return (
    <main className="page page--medium" aria-labelledby="note-heading">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <button type="button" className="button button--link" onClick={() => go({ name: 'clients' })}>
          All clients
        </button>
        <span aria-hidden="true" className="breadcrumb-separator">
          ›
        </span>
        <button type="button" className="button button--link" onClick={() => go({ name: 'client', clientId })}>
          {client ? `${client.name}’s file` : 'Client file'}
        </button>
      </nav>
      <ScreenHeading id="note-heading">{kind ? noteKindLabels[kind] : 'Note'}</ScreenHeading>
      {mode.kind === 'failed' ? <Alert>{noteError?.message ?? fileError?.message ?? 'That note could not be opened.'}</Alert> : null}
      {target ? <NoteContext about={target} subjects={subjects} /> : null}
      {mode.kind === 'editing' ? (
        <NoteEditor
          clientId={clientId}
          onFinalised={(finalised) => {
            useNote.getState().show(finalised);
            setMode({
              kind: 'final',
              notice: `Note finalised and signed. It is now part of the record of ${listPeople(finalised.subjects)}.`,
            });
          }}
        />
      ) : null}
      {mode.kind === 'final' && note !== null ? <FinalNote note={note} clientId={clientId} notice={mode.notice} /> : null}
    </main>
  );
}
