import { formatCaseReference, formatClientReference } from '../../../shared/client-reference';
import { conflict } from '../errors';
import { eraseAuditDetails } from '../vault/audit';
import type { Db } from '../vault/database';
import { prepared } from '../vault/statements';
import { destructionStatements, type DestructionStatements } from './destruction-statements';

/** What destroying one client took with it: counts only, for the register and the certificate. */
export interface ClientDestruction {
  clientId: string;
  reference: string;
  /** The first and last dates of the client's cases and sessions; null for a client who had none. */
  firstOn: string | null;
  lastOn: string | null;
  /** Every record destroyed: the client record, cases, sessions, notes and drafts, amendments, comments, consents, recordings, disclosures. */
  records: number;
  sessions: number;
  notes: number;
  recordings: number;
  /** Joint records kept for the subjects who remain, which no longer name this client. */
  jointKept: number;
  auditErased: number;
}

export interface DestroyTarget {
  db: Db;
  /** Called for each file whose key row goes, so the encrypted file is removed once the change commits. */
  touchFile(fileId: string): void;
}

class Tally {
  records = 0;
  sessions = 0;
  notes = 0;
  recordings = 0;
  jointKept = 0;
  readonly ids = new Set<string>();
  gone(id: string, kind?: 'sessions' | 'notes' | 'recordings'): void {
    this.ids.add(id);
    this.records += 1;
    if (kind) this[kind] += 1;
  }
}

/**
 * Destroys one client completely, in the caller's transaction (which must defer foreign keys): the client row,
 * cases they were the only participant of, sessions only they attended, notes only about them (drafts,
 * amendments, clients' comments and search-index entries with them), consents and their scans, recordings
 * (keys first), release consents, disclosures only about them, released holds, referrer and equality details.
 * A joint record whose other subjects remain is kept for them and stops naming this client (a `former_*`
 * count instead). Audit entries about anything destroyed keep their ids and actions; their detail is erased.
 * Returns null when the client no longer exists (already destroyed by an earlier, interrupted run).
 */
export function destroyClient(target: DestroyTarget, clientId: string): ClientDestruction | null {
  const st = destructionStatements(target.db);
  const client = st.client.get(clientId) as { id: string; reference_no: number } | undefined;
  if (!client) return null;
  if ((st.openHolds.get({ client: clientId }) as number) > 0) {
    throw conflict(`${formatClientReference(client.reference_no)} is under a legal hold, so it cannot be destroyed until the hold is released.`);
  }
  const range = st.dateRange.get({ client: clientId }) as { first_on: string | null; last_on: string | null };
  const tally = new Tally();
  const destroy = new RecordDestroyer(st, target, tally);

  // Notes first: a joint note keeps its other subjects; a note only about this client goes.
  for (const note of st.notesAbout.all({ client: clientId }) as Array<{ id: string; client_id: string | null; others: number }>) {
    if (note.others > 0 && note.client_id !== clientId) {
      st.leaveNote.run(note.id, clientId);
      st.countFormerSubject.run(note.id);
      tally.jointKept += 1;
    } else {
      destroy.note(note.id);
    }
  }
  st.deleteCommentsBy.run(clientId);

  // Recordings of which this client is a subject cannot be cut to leave them out: they go with them.
  for (const recordingId of st.recordingsAbout.all(clientId) as string[]) destroy.recording(recordingId);

  for (const theCase of st.casesOf.all(clientId) as Array<{ id: string; others: number }>) {
    if (theCase.others === 0) {
      destroy.wholeCase(theCase.id);
    } else {
      st.leaveCase.run(theCase.id, clientId);
      st.countFormerParticipant.run(theCase.id);
      tally.jointKept += 1;
    }
  }
  // Sessions in cases that stay: one only this client attended goes; a joint one stops naming them.
  for (const session of st.attendedSessions.all(clientId) as Array<{ id: string; others: number }>) {
    if (session.others === 0) {
      destroy.session(session.id);
    } else {
      st.leaveSession.run(session.id, clientId);
      st.countFormerAttendee.run(session.id);
      tally.jointKept += 1;
    }
  }
  for (const correctionId of st.correctionsNaming.all(clientId) as string[]) {
    st.leaveCorrection.run(correctionId, clientId);
    st.countFormerInCorrection.run(correctionId);
  }

  for (const consent of st.recordingConsentsOf.all(clientId) as Array<{ id: string }>) destroy.recordingConsent(consent.id);
  for (const consent of st.releaseConsentsOf.all(clientId) as Array<{ id: string; scan_file_id: string | null }>) {
    st.deleteDisclosureConsentLinks.run(consent.id);
    st.deleteReleaseConsent.run(consent.id);
    destroy.fileKey(consent.scan_file_id);
    tally.gone(consent.id);
  }
  for (const disclosure of st.disclosuresAbout.all({ client: clientId }) as Array<{ id: string; main: number; others: number }>) {
    if (disclosure.others > 0) {
      st.leaveDisclosureSubjects.run(disclosure.id, clientId);
      st.leaveDisclosure.run({ client: clientId, id: disclosure.id });
      tally.jointKept += 1;
    } else {
      for (const statement of st.deleteDisclosureParts) statement.run(disclosure.id);
      tally.gone(disclosure.id);
    }
  }

  st.deleteClientHolds.run(clientId);
  st.deleteReferrer.run(clientId);
  st.deleteEquality.run(clientId);
  st.deleteClientErrorMark.run(clientId);
  st.deleteClient.run(clientId);
  tally.gone(clientId);
  const auditErased = eraseAuditDetails(target.db, tally.ids);

  return {
    clientId,
    reference: formatClientReference(client.reference_no),
    firstOn: range.first_on,
    lastOn: range.last_on,
    records: tally.records,
    sessions: tally.sessions,
    notes: tally.notes,
    recordings: tally.recordings,
    jointKept: tally.jointKept,
    auditErased,
  };
}

/** What destroying one session entered in error took with it, for the register. */
export interface SessionDestruction {
  sessionId: string;
  /** The case's reference (K-…): a session has no reference of its own. */
  reference: string;
  on: string;
  records: number;
  notes: number;
  recordings: number;
}

/**
 * Destroys one session entered in error (a session recorded on the wrong client), in the caller's transaction:
 * the session, its notes, recordings and corrections, as any destruction does. Null when it is already gone.
 */
export function destroySession(target: DestroyTarget, sessionId: string): SessionDestruction | null {
  const st = destructionStatements(target.db);
  const row = prepared(target.db, 'SELECT c.reference_no, substr(s.starts_at, 1, 10) AS on_day FROM sessions s JOIN cases c ON c.id = s.case_id WHERE s.id = ?').get(
    sessionId,
  ) as { reference_no: number; on_day: string } | undefined;
  if (!row) return null;
  const tally = new Tally();
  new RecordDestroyer(st, target, tally).session(sessionId);
  eraseAuditDetails(target.db, tally.ids);
  return { sessionId, reference: formatCaseReference(row.reference_no), on: row.on_day, records: tally.records, notes: tally.notes, recordings: tally.recordings };
}

/** Destroys records whole: a case, a session, a note, a recording, a consent, each with what hangs off it. */
export class RecordDestroyer {
  constructor(
    private readonly st: DestructionStatements,
    private readonly target: DestroyTarget,
    private readonly tally: Tally,
  ) {}

  wholeCase(caseId: string): void {
    const st = this.st;
    for (const sessionId of st.sessionsOfCase.all(caseId) as string[]) this.session(sessionId);
    for (const noteId of st.caseNotes.all(caseId) as string[]) this.note(noteId);
    for (const consentId of st.consentsOfCase.all(caseId) as string[]) this.recordingConsent(consentId);
    st.deleteCaseHolds.run(caseId);
    st.deleteCaseParticipants.run(caseId);
    st.deleteCase.run(caseId);
    this.tally.gone(caseId);
  }

  session(sessionId: string): void {
    const st = this.st;
    for (const noteId of st.sessionNotes.all(sessionId) as string[]) this.note(noteId);
    for (const recordingId of st.sessionRecordings.all(sessionId) as string[]) this.recording(recordingId);
    for (const correctionId of st.corrections.all(sessionId) as string[]) {
      st.deleteCorrectionAttendees.run(correctionId);
      this.tally.ids.add(correctionId);
    }
    st.deleteCorrections.run(sessionId);
    st.deleteConsentSessionLinks.run(sessionId);
    st.deleteAttendees.run(sessionId);
    st.deleteSessionErrorMark.run(sessionId);
    st.deleteSession.run(sessionId);
    this.tally.gone(sessionId, 'sessions');
  }

  note(noteId: string): void {
    const st = this.st;
    this.tally.records += st.deleteAmendments.run(noteId).changes + st.deleteComments.run(noteId).changes;
    st.deleteNote.run(noteId);
    st.deleteNoteSubjects.run(noteId);
    this.tally.gone(noteId, 'notes');
  }

  recording(recordingId: string): void {
    const st = this.st;
    const fileId = st.recordingFile.get(recordingId) as string | null | undefined;
    if (fileId === undefined) return;
    this.fileKey(fileId);
    st.deleteRecordingPurposes.run(recordingId);
    st.deleteRecordingSubjects.run(recordingId);
    st.deleteRecording.run(recordingId);
    this.tally.gone(recordingId, 'recordings');
  }

  recordingConsent(consentId: string): void {
    const st = this.st;
    const scan = st.consentScan.get(consentId) as string | null | undefined;
    if (scan === undefined) return;
    st.deleteConsentPurposes.run(consentId);
    st.deleteConsentSessions.run(consentId);
    st.deleteRecordingConsent.run(consentId);
    this.fileKey(scan);
    this.tally.gone(consentId);
  }

  /** The file's only key: from the commit on, the encrypted file cannot be read; it is removed after. */
  fileKey(fileId: string | null): void {
    if (fileId === null) return;
    this.st.deleteFileKey.run(fileId);
    this.target.touchFile(fileId);
  }
}
