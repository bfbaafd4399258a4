/**
 * Restricted reports (DESIGN.md §1.3): which written consents to release information cover which sessions,
 * for one recipient and period, on a given day. Pure, so the wizard shows what the core will enforce; the core
 * enforces it with its own facts and its own clock.
 */

export type ConsentStatus = 'valid' | 'not-yet-signed' | 'expired' | 'withdrawn';

export interface ReleaseRecipient {
  organisation: string;
  /** A consent naming a person covers only that person at the organisation; without one, anyone there. */
  person: string | null;
}

export interface ConsentFacts {
  id: string;
  clientId: string;
  recipient: ReleaseRecipient;
  periodFrom: string;
  periodTo: string;
  signedOn: string;
  expiresOn: string;
  withdrawnOn: string | null;
  /** The client agreed to the numbers of missed and cancelled sessions being released, not only attendance. */
  coversMissedAndCancelled: boolean;
}

/** Withdrawal is final; a consent is good from the day it was signed to its expiry date, both included. */
export function consentStatus(consent: Pick<ConsentFacts, 'signedOn' | 'expiresOn' | 'withdrawnOn'>, today: string): ConsentStatus {
  if (consent.withdrawnOn !== null) return 'withdrawn';
  if (consent.signedOn > today) return 'not-yet-signed';
  if (consent.expiresOn < today) return 'expired';
  return 'valid';
}

/** Names compared as people read them: case, spacing and compatibility forms do not matter. */
export function sameName(a: string, b: string): boolean {
  const plain = (text: string) => text.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('en-GB');
  return plain(a) === plain(b);
}

/** Whether a consent's recipient covers a letter addressed to `to`. */
export function recipientCovered(consent: ReleaseRecipient, to: ReleaseRecipient): boolean {
  if (!sameName(consent.organisation, to.organisation)) return false;
  return consent.person === null || (to.person !== null && sameName(consent.person, to.person));
}

/** The dates of a consent, checked before it is recorded; "signed in the future" needs today and is the core's. */
export function consentDatesProblems(dates: { periodFrom: string; periodTo: string; signedOn: string; expiresOn: string }): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  if (dates.periodTo < dates.periodFrom) problems.push({ path: 'periodTo', message: 'The period covered cannot end before it starts' });
  if (dates.expiresOn < dates.signedOn) problems.push({ path: 'expiresOn', message: 'The consent cannot expire before the date it was signed' });
  return problems;
}

/** What happened at a session, as an attendance summary counts it. Booked sessions are not counted. */
export type SessionOutcome = 'attended' | 'did-not-attend' | 'cancelled';

export interface SessionFacts {
  id: string;
  /** YYYY-MM-DD, the day it took (or was to take) place. */
  date: string;
  outcome: SessionOutcome;
  /** Everyone who attended (or was due to): more than one makes it a joint session. */
  attendeeIds: readonly string[];
}

export interface ReleaseRequest {
  clientId: string;
  period: { from: string; to: string };
  /** The client's own consent the release relies on; its recipient is the letter's. */
  consentId: string;
  includeMissedAndCancelled: boolean;
  /** `exclude`: "individual sessions only", and the letter says the count excludes joint work. */
  jointSessions: 'include' | 'exclude';
  today: string;
}

/** Why an attendee of a joint session does not cover it. */
export type MissingReason = 'no-consent' | 'withdrawn' | 'expired' | 'not-yet-signed' | 'period' | 'counts';

export interface MissingConsent {
  clientId: string;
  /** The joint sessions (by date) their consent would have to cover. */
  sessionDates: string[];
  reason: MissingReason;
}

export interface ReleasePlan {
  /** A reason the client's own consent or the request cannot be used at all, with the field it concerns. */
  problem: { path: string; message: string } | null;
  recipient: ReleaseRecipient | null;
  /** Dates of sessions attended that the release includes, in order (a day with two sessions twice). */
  attendedDates: string[];
  didNotAttendCount: number;
  cancelledCount: number;
  /** Joint sessions in the period that the release would count (before any exclusion). */
  jointSessions: number;
  /** Attendees of joint sessions whose consent does not cover them; empty when nothing is missing. */
  missing: MissingConsent[];
  /** The consents relied on: the client's first, then each other attendee's, each once. */
  reliedOn: string[];
  individualSessionsOnly: boolean;
}

const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "14 March 2031": messages say dates the way people read them. */
export function spokenDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${Number(day)} ${LONG_MONTHS[Number(month) - 1] ?? month} ${year}`;
}

function clientConsentProblem(consent: ConsentFacts | undefined, request: ReleaseRequest): ReleasePlan['problem'] {
  if (!consent) return { path: 'consentId', message: 'That consent is not one of this client’s' };
  const status = consentStatus(consent, request.today);
  if (status === 'withdrawn') return { path: 'consentId', message: `This consent was withdrawn on ${spokenDate(consent.withdrawnOn!)}: nothing can be released on it` };
  if (status === 'expired') return { path: 'consentId', message: `This consent expired on ${spokenDate(consent.expiresOn)}: nothing can be released on it` };
  if (status === 'not-yet-signed') return { path: 'consentId', message: 'This consent is dated after today, so it does not yet apply' };
  const { from, to } = request.period;
  if (to < from) return { path: 'periodTo', message: 'The period cannot end before it starts' };
  if (to > request.today) return { path: 'periodTo', message: 'The period cannot end after today' };
  if (from < consent.periodFrom || to > consent.periodTo) {
    return {
      path: 'periodFrom',
      message: `The consent covers ${spokenDate(consent.periodFrom)} to ${spokenDate(consent.periodTo)}: choose a period within it`,
    };
  }
  if (request.includeMissedAndCancelled && !consent.coversMissedAndCancelled) {
    return { path: 'includeMissedAndCancelled', message: 'This consent allows attendance only, not the numbers of missed or cancelled sessions' };
  }
  return null;
}

/** Whether `consent` lets a session of `outcome` on `date` be released to `to`, on `today`. */
function covers(consent: ConsentFacts, to: ReleaseRecipient, date: string, outcome: SessionOutcome, today: string): boolean {
  return (
    consentStatus(consent, today) === 'valid' &&
    recipientCovered(consent.recipient, to) &&
    consent.periodFrom <= date &&
    date <= consent.periodTo &&
    (outcome === 'attended' || consent.coversMissedAndCancelled)
  );
}

/** The most useful thing to tell the person about an attendee whose consents do not cover a session. */
function missingReason(consents: readonly ConsentFacts[], to: ReleaseRecipient, date: string, today: string): MissingReason {
  const forRecipient = consents.filter((c) => recipientCovered(c.recipient, to));
  if (forRecipient.length === 0) return 'no-consent';
  const valid = forRecipient.filter((c) => consentStatus(c, today) === 'valid');
  if (valid.some((c) => c.periodFrom <= date && date <= c.periodTo)) return 'counts';
  if (valid.length > 0) return 'period';
  const statuses = forRecipient.map((c) => consentStatus(c, today));
  if (statuses.includes('expired')) return 'expired';
  if (statuses.includes('not-yet-signed')) return 'not-yet-signed';
  return 'withdrawn';
}

/**
 * What a release may contain: the client's sessions in the period (attended, and missed or cancelled when
 * asked and allowed), with joint sessions only when every other attendee's consent covers each of them.
 * `consents` are every consent of the client and of anyone they attended sessions with; `sessions` the
 * client's sessions in the period.
 */
export function planRelease(request: ReleaseRequest, consents: readonly ConsentFacts[], sessions: readonly SessionFacts[]): ReleasePlan {
  const own = consents.find((c) => c.id === request.consentId && c.clientId === request.clientId);
  const plan: ReleasePlan = {
    problem: clientConsentProblem(own, request),
    recipient: own?.recipient ?? null,
    attendedDates: [],
    didNotAttendCount: 0,
    cancelledCount: 0,
    jointSessions: 0,
    missing: [],
    reliedOn: own ? [own.id] : [],
    individualSessionsOnly: request.jointSessions === 'exclude',
  };
  if (plan.problem !== null || !own) return plan;

  const missing = new Map<string, MissingConsent>();
  const { from, to } = request.period;
  const inOrder = [...sessions].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  for (const session of inOrder) {
    if (session.date < from || session.date > to || !session.attendeeIds.includes(request.clientId)) continue;
    if (session.outcome !== 'attended' && !request.includeMissedAndCancelled) continue;
    const others = session.attendeeIds.filter((id) => id !== request.clientId);
    if (others.length > 0) {
      plan.jointSessions += 1;
      if (request.jointSessions === 'exclude') continue;
      let covered = true;
      for (const other of others) {
        const theirs = consents.filter((c) => c.clientId === other).sort((a, b) => b.signedOn.localeCompare(a.signedOn) || a.id.localeCompare(b.id));
        const relied = theirs.find((c) => covers(c, own.recipient, session.date, session.outcome, request.today));
        if (relied) {
          if (!plan.reliedOn.includes(relied.id)) plan.reliedOn.push(relied.id);
          continue;
        }
        covered = false;
        const entry = missing.get(other) ?? { clientId: other, sessionDates: [], reason: missingReason(theirs, own.recipient, session.date, request.today) };
        entry.sessionDates.push(session.date);
        missing.set(other, entry);
      }
      if (!covered) continue;
    }
    if (session.outcome === 'attended') plan.attendedDates.push(session.date);
    else if (session.outcome === 'did-not-attend') plan.didNotAttendCount += 1;
    else plan.cancelledCount += 1;
  }
  plan.missing = [...missing.values()];
  return plan;
}

/** "has no written consent to release information to Leeds CMHT", after the person's name or reference. */
export function missingConsentWords(reason: MissingReason, organisation: string): string {
  switch (reason) {
    case 'no-consent':
      return `has no written consent to release information to ${organisation}`;
    case 'withdrawn':
      return `withdrew their consent to release information to ${organisation}`;
    case 'expired':
      return `has a consent to release information to ${organisation} that has expired`;
    case 'not-yet-signed':
      return `has a consent to release information to ${organisation} dated after today`;
    case 'period':
      return `has a consent to release information to ${organisation} that does not cover the dates of the joint sessions`;
    case 'counts':
      return `has a consent to release information to ${organisation} for attendance only, not missed or cancelled sessions`;
  }
}
