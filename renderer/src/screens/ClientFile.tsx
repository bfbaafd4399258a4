import { useEffect, useId, useRef, useState } from 'react';
import type { CaseRecord, NoteAbout, NoteRecord, SessionRecord } from '../../../shared/records';
import type { SessionInError } from '../../../shared/retention';
import type { ClientDetail } from '../../../shared/schemas';
import { Alert } from '../components/Alert';
import { CloseCaseDialog } from '../components/CloseCaseDialog';
import { EditClientDialog } from '../components/EditClientDialog';
import { FileSearch } from '../components/FileSearch';
import { NoteSummary } from '../components/NoteSummary';
import { RecordingSections } from '../components/RecordingSections';
import { ReleaseConsentsPanel } from '../components/ReleaseConsentsPanel';
import { MarkEnteredInErrorDialog } from '../components/MarkEnteredInErrorDialog';
import { RetentionPanel } from '../components/RetentionPanel';
import { useClientRetention } from '../components/useClientRetention';
import { ScreenHeading } from '../components/ScreenHeading';
import { SessionDialog } from '../components/SessionDialog';
import { isIndividual, KindMark, SessionKind } from '../components/SessionKind';
import {
  caseKindLabels,
  formatDate,
  formatDateTime,
  formatDuration,
  formatSessionStart,
  listPeople,
  modalityLabels,
  sessionStatusLabels,
} from '../format';
import { useClientFile } from '../stores/clientFile';
import { go } from '../stores/navigation';
import { useSession } from '../stores/session';

function Detail({ term, value }: { term: string; value: string | null }) {
  return (
    <div className="detail">
      <dt>{term}</dt>
      <dd>{value ?? <span className="muted">Not recorded</span>}</dd>
    </div>
  );
}

function DetailsPanel({ client, onEdit, canEdit }: { client: ClientDetail; onEdit(): void; canEdit: boolean }) {
  return (
    <section className="panel" aria-labelledby="details-heading">
      <div className="panel-header">
        <h2 id="details-heading">Details</h2>
        {canEdit ? (
          <button type="button" className="button button--small" onClick={onEdit}>
            Edit details
          </button>
        ) : null}
      </div>
      <dl className="details">
        <Detail term="Reference" value={client.reference} />
        <Detail term="Full name" value={client.name} />
        <Detail term="Preferred name" value={client.preferredName} />
        <Detail term="Date of birth" value={client.dateOfBirth ? formatDate(client.dateOfBirth) : null} />
        <Detail term="Phone" value={client.phone} />
        <Detail term="Email" value={client.email} />
        <Detail term="Address" value={client.address} />
        <Detail term="Emergency contact" value={client.emergencyContact} />
        <Detail term="GP practice" value={client.gpPractice} />
        <Detail
          term="Interpreter"
          value={
            client.interpreterNeeded ? `Needed${client.interpreterLanguage ? ` — ${client.interpreterLanguage}` : ''}` : 'Not needed'
          }
        />
        <Detail term="How they heard of us" value={client.heardAbout} />
        <Detail term="Referrer" value={client.referrerName} />
        <Detail term="Referrer contact" value={client.referrerContact} />
        <Detail term="Therapist" value={client.therapistName} />
        <Detail term="Status" value={client.status === 'active' ? 'Active' : 'Closed'} />
      </dl>
    </section>
  );
}

function EqualityPanel({ client }: { client: ClientDetail }) {
  const equality = client.equality;
  if (equality === null) return null;
  return (
    <section className="panel" aria-labelledby="equality-heading">
      <h2 id="equality-heading">Equality monitoring</h2>
      <p className="muted">Recorded with the client’s explicit consent, {formatDateTime(equality.consentRecordedAt)}.</p>
      <dl className="details">
        <Detail term="Ethnicity" value={equality.ethnicity} />
        <Detail term="Gender" value={equality.gender} />
        <Detail term="Sexual orientation" value={equality.sexualOrientation} />
        <Detail term="Disability" value={equality.disability} />
        <Detail term="Religion or belief" value={equality.religion} />
      </dl>
    </section>
  );
}

/** The newest draft this person has for a record: "Write" resumes it instead of starting another. */
function ownDraft(notes: NoteRecord[], userId: string, matches: (note: NoteRecord) => boolean): NoteRecord | null {
  let newest: NoteRecord | null = null;
  for (const note of notes) {
    if (note.status !== 'draft' || note.authorId !== userId || !matches(note)) continue;
    if (newest === null || note.updatedAt > newest.updatedAt) newest = note;
  }
  return newest;
}

function NoteList({ notes, userId, onOpen, label }: { notes: NoteRecord[]; userId: string; onOpen(note: NoteRecord): void; label: string }) {
  if (notes.length === 0) return null;
  return (
    <ol className="notes" aria-label={label}>
      {notes.map((note) => (
        <NoteSummary key={note.id} note={note} userId={userId} onOpen={onOpen} />
      ))}
    </ol>
  );
}

interface FileActions {
  userId: string;
  notesHidden: boolean;
  openNote(note: NoteRecord): void;
  write(about: NoteAbout, draft: NoteRecord | null): void;
}

function CaseItem({
  kase,
  notes,
  actions,
  onRecordSession,
  onCloseCase,
}: {
  kase: CaseRecord;
  notes: NoteRecord[];
  actions: FileActions;
  onRecordSession(): void;
  onCloseCase(): void;
}) {
  const headingId = useId();
  const open = kase.status === 'open';
  const caseNotes = notes.filter((note) => note.kind === 'case' && note.caseId === kase.id);
  const draft = ownDraft(notes, actions.userId, (note) => note.kind === 'case' && note.caseId === kase.id);
  return (
    <li className={`case case--${kase.status}`}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="case-title">
          {caseKindLabels[kase.kind]} case {kase.reference}{' '}
          <span className={`badge badge--${open ? 'active' : 'closed'}`}>{open ? 'Open' : 'Closed'}</span>
        </h3>
        <dl className="case-facts">
          <div>
            <dt>With</dt>
            <dd>{listPeople(kase.participants)}</dd>
          </div>
          <div>
            <dt>Therapist</dt>
            <dd>{kase.therapist.name}</dd>
          </div>
          <div>
            <dt>Opened</dt>
            <dd>{formatDate(kase.openedOn)}</dd>
          </div>
          {kase.closedOn ? (
            <div>
              <dt>Closed</dt>
              <dd>{formatDate(kase.closedOn)}</dd>
            </div>
          ) : null}
        </dl>
        <NoteList notes={caseNotes} userId={actions.userId} onOpen={actions.openNote} label={`Case notes for ${kase.reference}`} />
        {kase.can.recordSessions || kase.can.close ? (
          <div className="case-actions">
            {kase.can.recordSessions ? (
              <button type="button" className="button button--small" onClick={onRecordSession}>
                Record a session<span className="visually-hidden"> in case {kase.reference}</span>
              </button>
            ) : null}
            {kase.can.writeNotes && !actions.notesHidden ? (
              <button type="button" className="button button--small" onClick={() => actions.write({ type: 'case', caseId: kase.id }, draft)}>
                {draft ? 'Continue case note draft' : 'Write case note'}
                <span className="visually-hidden"> for {kase.reference}</span>
              </button>
            ) : null}
            {kase.can.close ? (
              <button type="button" className="button button--small button--quiet" onClick={onCloseCase}>
                Close case<span className="visually-hidden"> {kase.reference}</span>
              </button>
            ) : null}
          </div>
        ) : null}
      </article>
    </li>
  );
}

/** What each correction replaced, newest first, so a wrongly recorded session keeps its history on view. */
function SessionHistory({ session }: { session: SessionRecord }) {
  const count = session.corrections.length;
  if (count === 0) return null;
  return (
    <details className="session-history">
      <summary>Corrected {count === 1 ? 'once' : `${count} times`}</summary>
      <ol className="history">
        {[...session.corrections].reverse().map((correction) => {
          const before = correction.previous;
          return (
            <li key={correction.correctedAt} className="history-entry">
              <p className="history-meta">
                Corrected {formatDateTime(correction.correctedAt)} by <strong>{correction.correctedBy}</strong>
              </p>
              {correction.reason ? <p className="history-reason">{correction.reason}</p> : null}
              <p className="session-history-before">
                Before: {formatSessionStart(before.startsAt)} · {formatDuration(before.durationMinutes)} · {modalityLabels[before.modality]} ·{' '}
                {sessionStatusLabels[before.status]} · with {listPeople(before.attendees)}
              </p>
            </li>
          );
        })}
      </ol>
    </details>
  );
}

function SessionItem({
  session,
  kase,
  notes,
  actions,
  onCorrect,
  errorMark,
  onMarkInError,
}: {
  session: SessionRecord;
  kase: CaseRecord | undefined;
  notes: NoteRecord[];
  actions: FileActions;
  onCorrect(): void;
  /** Set when a director marked this session as entered in error. */
  errorMark: SessionInError | undefined;
  /** Given only to a director, for a session not yet marked. */
  onMarkInError: (() => void) | undefined;
}) {
  const headingId = useId();
  const sessionNotes = notes.filter((note) => note.sessionId === session.id);
  const draft = ownDraft(notes, actions.userId, (note) => note.sessionId === session.id);
  const canWrite = kase !== undefined && kase.can.writeNotes && !actions.notesHidden;
  const individual = isIndividual(session);
  return (
    <li className={individual ? 'session session--individual' : 'session session--joint'} data-session-id={session.id}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="session-title">
          <SessionKind session={session} />
          <span className="session-when">{formatSessionStart(session.startsAt)}</span>
        </h3>
        <p className="session-meta">
          {formatDuration(session.durationMinutes)} · {modalityLabels[session.modality]} ·{' '}
          {sessionStatusLabels[session.status]}
          {kase ? ` · ${caseKindLabels[kase.kind]} case ${kase.reference}` : ''}
        </p>
        <SessionHistory session={session} />
        {errorMark ? (
          <div className="entered-in-error" data-testid="session-entered-in-error">
            <p>
              <strong>Entered in error</strong>:{' '}
              {errorMark.held
                ? 'a legal hold stops its destruction until released.'
                : 'due now for early destruction; the next purge destroys this session and its notes.'}
            </p>
            <p>Reason: {errorMark.reason}</p>
            <p className="muted">
              Marked by {errorMark.markedBy} on {formatDate(errorMark.markedOn)}
            </p>
          </div>
        ) : null}
        <NoteList
          notes={sessionNotes}
          userId={actions.userId}
          onOpen={actions.openNote}
          label={`Notes on the session of ${formatSessionStart(session.startsAt)}`}
        />
        {kase?.can.correctSessions || canWrite || onMarkInError ? (
          <div className="session-actions">
            {canWrite ? (
              <button
                type="button"
                className="button button--small"
                onClick={() => actions.write({ type: 'session', sessionId: session.id }, draft)}
              >
                {draft ? 'Continue session note draft' : sessionNotes.length > 0 ? 'Write another session note' : 'Write session note'}
                <span className="visually-hidden"> for {formatSessionStart(session.startsAt)}</span>
              </button>
            ) : null}
            {kase?.can.correctSessions ? (
              <button type="button" className="button button--small button--quiet" onClick={onCorrect}>
                Correct session<span className="visually-hidden"> of {formatSessionStart(session.startsAt)}</span>
              </button>
            ) : null}
            {onMarkInError ? (
              <button type="button" className="button button--small button--quiet" onClick={onMarkInError}>
                Mark as entered in error…<span className="visually-hidden"> the session of {formatSessionStart(session.startsAt)}</span>
              </button>
            ) : null}
          </div>
        ) : null}
      </article>
    </li>
  );
}

export function ClientFile({ clientId, notice }: { clientId: string; notice?: string | undefined }) {
  const { client, cases, sessions, notes, loaded, error } = useClientFile();
  const user = useSession((state) => state.user);
  const userId = user?.id ?? '';
  const [editing, setEditing] = useState(false);
  const [recordingIn, setRecordingIn] = useState<CaseRecord | null>(null);
  const [correcting, setCorrecting] = useState<SessionRecord | null>(null);
  const [closing, setClosing] = useState<CaseRecord | null>(null);
  const [markingSession, setMarkingSession] = useState<SessionRecord | null>(null);
  const retention = useClientRetention(clientId);
  const sessionMarks = new Map((retention.due?.sessionsInError ?? []).map((mark) => [mark.sessionId, mark]));
  const canMarkInError = retention.due?.can.markEnteredInError ?? false;
  const [message, setMessage] = useState<string | null>(notice ?? null);
  const casesHeadingRef = useRef<HTMLHeadingElement>(null);
  const timelineHeadingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void useClientFile.getState().open(clientId);
  }, [clientId]);

  const can = client?.can ?? null;
  const notesHidden = !(can?.readNotes ?? false);
  const actions: FileActions = {
    userId,
    notesHidden,
    openNote: (note) => go({ name: 'note', clientId, about: null, noteId: note.id }),
    write: (about, draft) => go({ name: 'note', clientId, about, noteId: draft?.id ?? null }),
  };
  const caseById = new Map(cases.map((kase) => [kase.id, kase]));
  const clientNotes = notes.filter((note) => note.kind === 'client' || note.kind === 'contact');
  const sessionIds = new Set(sessions.map((session) => session.id));
  // A session note whose session is not on this timeline would otherwise vanish; list it rather than hide it.
  const otherNotes = notes.filter((note) => note.kind === 'session' && (note.sessionId === null || !sessionIds.has(note.sessionId)));
  const clientDraft = ownDraft(notes, userId, (note) => note.kind === 'client');
  const contactDraft = ownDraft(notes, userId, (note) => note.kind === 'contact');

  return (
    <main className="page" aria-labelledby="client-heading">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <button type="button" className="button button--link" onClick={() => go({ name: 'clients' })}>
          <span aria-hidden="true" className="back-arrow">←</span>All clients
        </button>
      </nav>
      {client === null ? (
        <>
          <ScreenHeading id="client-heading">{loaded ? 'Client file' : 'Opening client file…'}</ScreenHeading>
          {error ? <Alert>{error.message}</Alert> : null}
        </>
      ) : (
        <>
          <div className="page-header">
            <ScreenHeading id="client-heading">
              {client.name}
              {client.preferredName ? <span className="heading-aside"> ({client.preferredName})</span> : null}
            </ScreenHeading>
            <p className="page-header-meta">
              <span className="client-row-reference">{client.reference}</span>{' '}
              <span className={`badge badge--${client.status}`}>{client.status === 'active' ? 'Active' : 'Closed'}</span>
            </p>
          </div>
          {message ? <Alert tone="success">{message}</Alert> : null}
          {error ? <Alert>{error.message}</Alert> : null}
          {can !== null && !can.readNotes ? (
            <Alert tone="info">
              <p>
                Note content is readable only by the client’s therapist. You can see this client’s details, cases and
                session dates.
              </p>
            </Alert>
          ) : null}
          <div className="client-layout">
            <div className="client-side">
              <DetailsPanel client={client} canEdit={client.can.editDetails} onEdit={() => setEditing(true)} />
              <EqualityPanel client={client} />
              <ReleaseConsentsPanel clientId={clientId} clientName={client.name} />
              <RetentionPanel client={client} cases={cases} retention={retention} />
            </div>
            <div className="client-main">
              {client.can.readNotes ? (
                <FileSearch clientId={clientId} onOpenNote={(noteId) => go({ name: 'note', clientId, about: null, noteId })} />
              ) : null}
              <section className="panel" aria-labelledby="cases-heading">
                <div className="panel-header">
                  <h2 id="cases-heading" ref={casesHeadingRef} tabIndex={-1} className="focus-target">
                    Cases
                  </h2>
                  {client.can.openCase ? (
                    <button type="button" className="button button--small" onClick={() => go({ name: 'new-case', clientId })}>
                      New case
                    </button>
                  ) : null}
                </div>
                {cases.length === 0 ? (
                  <p className="muted">No cases yet. Open a case to record sessions.</p>
                ) : (
                  <ul className="cases" aria-labelledby="cases-heading">
                    {cases.map((kase) => (
                      <CaseItem
                        key={kase.id}
                        kase={kase}
                        notes={notes}
                        actions={actions}
                        onRecordSession={() => setRecordingIn(kase)}
                        onCloseCase={() => setClosing(kase)}
                      />
                    ))}
                  </ul>
                )}
              </section>
              <section className="panel" aria-labelledby="timeline-heading">
                <h2 id="timeline-heading" ref={timelineHeadingRef} tabIndex={-1} className="focus-target">
                  Sessions
                </h2>
                {sessions.length === 0 ? (
                  <p className="muted">No sessions recorded.</p>
                ) : (
                  <>
                    <p className="timeline-key muted">
                      <KindMark individual text="Individual" /> this client alone ·{' '}
                      <KindMark individual={false} text="Joint" /> names everyone else who was there
                    </p>
                    <ol className="timeline" aria-labelledby="timeline-heading">
                      {sessions.map((session) => (
                        <SessionItem
                          key={session.id}
                          session={session}
                          kase={caseById.get(session.caseId)}
                          notes={notes}
                          actions={actions}
                          onCorrect={() => setCorrecting(session)}
                          errorMark={sessionMarks.get(session.id)}
                          onMarkInError={canMarkInError && !sessionMarks.has(session.id) ? () => setMarkingSession(session) : undefined}
                        />
                      ))}
                    </ol>
                  </>
                )}
              </section>
              <RecordingSections clientId={clientId} clientName={client.name} />
              {notesHidden ? null : (
                <section className="panel" aria-labelledby="notes-heading">
                  <div className="panel-header">
                    <h2 id="notes-heading">Client notes</h2>
                    <div className="panel-actions">
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => actions.write({ type: 'client', clientId, kind: 'client' }, clientDraft)}
                      >
                        {clientDraft ? 'Continue client note draft' : 'Write client note'}
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => actions.write({ type: 'client', clientId, kind: 'contact' }, contactDraft)}
                      >
                        {contactDraft ? 'Continue contact note draft' : 'Record a contact'}
                      </button>
                    </div>
                  </div>
                  <p className="muted">Notes about this client alone, outside sessions: phone calls, letters, messages.</p>
                  {clientNotes.length === 0 && otherNotes.length === 0 ? (
                    <p className="muted">No notes yet.</p>
                  ) : (
                    <NoteList notes={[...clientNotes, ...otherNotes]} userId={userId} onOpen={actions.openNote} label="Client notes" />
                  )}
                </section>
              )}
            </div>
          </div>
          {editing ? (
            <EditClientDialog
              client={client}
              onClose={() => setEditing(false)}
              onSaved={(saved) => {
                setEditing(false);
                useClientFile.getState().setClient(saved);
                setMessage('Details saved.');
              }}
            />
          ) : null}
          {recordingIn ? (
            <SessionDialog
              caseRecord={recordingIn}
              onClose={() => setRecordingIn(null)}
              onRecorded={(session) => {
                setRecordingIn(null);
                setMessage(`Session on ${formatSessionStart(session.startsAt)} recorded.`);
                void useClientFile.getState().reload();
              }}
            />
          ) : null}
          {correcting && caseById.has(correcting.caseId) ? (
            <SessionDialog
              caseRecord={caseById.get(correcting.caseId)!}
              correcting={correcting}
              onClose={() => setCorrecting(null)}
              onRecorded={(session) => {
                setCorrecting(null);
                const stillHere = session.attendees.some((attendee) => attendee.id === clientId);
                setMessage(
                  stillHere
                    ? `Session corrected: ${formatSessionStart(session.startsAt)}.`
                    : `Session corrected. ${client.name} was not at it, so it is no longer in this file.`,
                );
                // A session taken out of this file takes its button with it; focus goes to the list it was in.
                void useClientFile
                  .getState()
                  .reload()
                  .then(() => (stillHere ? undefined : timelineHeadingRef.current?.focus()));
              }}
            />
          ) : null}
          {markingSession ? (
            <MarkEnteredInErrorDialog
              target={{ sessionId: markingSession.id, when: formatSessionStart(markingSession.startsAt) }}
              onClose={() => setMarkingSession(null)}
              onMarked={() => {
                setMessage(`The session of ${formatSessionStart(markingSession.startsAt)} is marked as entered in error. The next purge destroys it.`);
                setMarkingSession(null);
                void retention.reload();
              }}
            />
          ) : null}
          {closing ? (
            <CloseCaseDialog
              caseRecord={closing}
              onClose={() => setClosing(null)}
              onClosed={(closed) => {
                setClosing(null);
                setMessage(`Case ${closed.reference} closed on ${formatDate(closed.closedOn ?? closed.openedOn)}.`);
                // The Close button goes with the open case; focus goes to the list it was in.
                void useClientFile.getState().reload().then(() => casesHeadingRef.current?.focus());
              }}
            />
          ) : null}
        </>
      )}
    </main>
  );
}
