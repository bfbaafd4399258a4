import type { ParticipantRef, SessionRecord } from '../../../shared/records';
import { listPeople } from '../format';

function PersonIcon() {
  return (
    <svg className="kind-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="12" cy="8" r="4" fill="currentColor" />
      <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z" fill="currentColor" />
    </svg>
  );
}

function PeopleIcon() {
  return (
    <svg className="kind-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="3.4" fill="currentColor" />
      <circle cx="16.5" cy="8.5" r="3" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M1.5 20.5c0-3.9 2.9-6.3 6.5-6.3s6.5 2.4 6.5 6.3z" fill="currentColor" />
      <path d="M15.5 14.3c3.6-.3 7 1.9 7 6.2h-6" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}

/** "Joint — with Alex Smith (C-0002)", or "Individual". Shape and words, not colour, tell them apart. */
export function jointLabel(others: readonly ParticipantRef[], former = 0): string {
  return others.length === 0 && former === 0 ? 'Individual' : `Joint — with ${listPeople(others, former)}`;
}

type Kinded = Pick<SessionRecord, 'individual' | 'otherSubjects'> & Partial<Pick<SessionRecord, 'formerSubjects'>>;

export function isIndividual(session: Kinded): boolean {
  return session.individual || (session.otherSubjects.length === 0 && (session.formerSubjects ?? 0) === 0);
}

export function SessionKind({ session }: { session: Kinded }) {
  const individual = isIndividual(session);
  return <KindMark individual={individual} text={individual ? 'Individual' : jointLabel(session.otherSubjects, session.formerSubjects ?? 0)} />;
}

/** The icon and words used for a session kind; also used on its own in the timeline's key. */
export function KindMark({ individual, text }: { individual: boolean; text: string }) {
  return (
    <span className={individual ? 'session-kind session-kind--individual' : 'session-kind session-kind--joint'}>
      {individual ? <PersonIcon /> : <PeopleIcon />}
      <span>{text}</span>
    </span>
  );
}
