import type { NoteAbout } from '../records';

/**
 * The subject-set rule's first half (DESIGN.md §1.2): whom a record is about is derived from what it is about,
 * never typed by hand. A session note is about the clients who attended; a case note about the case's
 * participants; a client or contact note about that client. The core stores these as the note's subjects; the
 * note screen shows the same people before the first save.
 */
export function derivedSubjects<P>(
  about: NoteAbout,
  facts: { attendeesOf(sessionId: string): P[]; participantsOf(caseId: string): P[]; client(clientId: string): P[] },
): P[] {
  switch (about.type) {
    case 'session':
      return facts.attendeesOf(about.sessionId);
    case 'case':
      return facts.participantsOf(about.caseId);
    case 'client':
      return facts.client(about.clientId);
  }
}
