import { longDate } from '../long-date';
import type { Actor } from './access';

/**
 * Recording consent (DESIGN.md §1.4), as pure rules the core enforces and the screens preview: who may record
 * a consent, attach a recording, play or withdraw; whether a consent allows a given recording; and the dates a
 * consent may carry. "Today" is always an argument: the core passes its own clock's.
 */

export const RECORDING_USES = ['supervision', 'training', 'research', 'other'] as const;
export type RecordingUse = (typeof RECORDING_USES)[number];

export const recordingUseLabels: Record<RecordingUse, string> = {
  supervision: 'Clinical supervision',
  training: 'Training',
  research: 'Research',
  other: 'Other',
};

/** What the core knows about one consent when it decides whether a recording may rely on it. */
export interface ConsentFacts {
  reference: string;
  signedOn: string;
  expiresOn: string | null;
  destroyBy: string;
  withdrawnOn: string | null;
  caseId: string;
  /** null: the whole case (its sessions now and later); otherwise only these sessions. */
  sessionIds: readonly string[] | null;
  uses: readonly RecordingUse[];
}

/** The recording a consent is asked to allow. */
export interface RecordingRequest {
  sessionId: string;
  caseId: string;
  uses: readonly RecordingUse[];
  today: string;
}

export type ConsentStatus = 'in-force' | 'withdrawn' | 'expired' | 'past-destruction-date' | 'not-yet-signed';

/** Whether a consent can be relied on today at all, whatever it covers. */
export function consentStatus(consent: Pick<ConsentFacts, 'signedOn' | 'expiresOn' | 'destroyBy' | 'withdrawnOn'>, today: string): ConsentStatus {
  if (consent.withdrawnOn !== null) return 'withdrawn';
  if (consent.signedOn > today) return 'not-yet-signed';
  if (consent.expiresOn !== null && consent.expiresOn < today) return 'expired';
  if (consent.destroyBy < today) return 'past-destruction-date';
  return 'in-force';
}

const useList = (uses: readonly RecordingUse[]) => uses.map((use) => recordingUseLabels[use].toLowerCase()).join(' and ');

/** Why this consent does not allow this recording, in words for the person attaching it; null when it does. */
export function consentProblem(consent: ConsentFacts, request: RecordingRequest): string | null {
  switch (consentStatus(consent, request.today)) {
    case 'withdrawn':
      return `consent ${consent.reference} was withdrawn on ${longDate(consent.withdrawnOn!)}`;
    case 'not-yet-signed':
      return `consent ${consent.reference} is not signed until ${longDate(consent.signedOn)}`;
    case 'expired':
      return `consent ${consent.reference} expired on ${longDate(consent.expiresOn!)}`;
    case 'past-destruction-date':
      return `consent ${consent.reference} required its recordings to be destroyed by ${longDate(consent.destroyBy)}`;
    case 'in-force':
      break;
  }
  const covers = consent.sessionIds === null ? consent.caseId === request.caseId : consent.sessionIds.includes(request.sessionId);
  if (!covers) return `consent ${consent.reference} does not cover this session`;
  const missing = request.uses.filter((use) => !consent.uses.includes(use));
  if (missing.length > 0) return `consent ${consent.reference} does not permit ${useList(missing)}`;
  return null;
}

export interface AttendeeConsents<P, C extends ConsentFacts> {
  attendee: P;
  consents: readonly C[];
}

export type ConsentCheck<P, C extends ConsentFacts> =
  | { ok: true; relied: Array<{ attendee: P; consent: C }> }
  | { ok: false; missing: Array<{ attendee: P; reason: string }> };

/**
 * Every attendee needs their own consent that allows this recording (a joint session: each partner separately).
 * Where several do, the one signed last is relied on. Where none does, the reason given is the nearest miss: the
 * problem with their most recently signed consent, or that they have none.
 */
export function checkAttendeeConsents<P, C extends ConsentFacts>(
  attendees: ReadonlyArray<AttendeeConsents<P, C>>,
  request: RecordingRequest,
): ConsentCheck<P, C> {
  const relied: Array<{ attendee: P; consent: C }> = [];
  const missing: Array<{ attendee: P; reason: string }> = [];
  for (const { attendee, consents } of attendees) {
    const newestFirst = [...consents].sort((a, b) => (a.signedOn === b.signedOn ? b.reference.localeCompare(a.reference) : b.signedOn.localeCompare(a.signedOn)));
    const valid = newestFirst.find((consent) => consentProblem(consent, request) === null);
    if (valid) relied.push({ attendee, consent: valid });
    else missing.push({ attendee, reason: newestFirst[0] ? consentProblem(newestFirst[0], request)! : 'no recording consent is recorded' });
  }
  return missing.length === 0 ? { ok: true, relied } : { ok: false, missing };
}

/** "Alex Rivers (C-0001): consent RC-0001 expired on 1 November 2026; Blake Rivers (C-0002): no recording consent is recorded". */
export function missingConsentsMessage<P>(missing: ReadonlyArray<{ attendee: P; reason: string }>, label: (person: P) => string): string {
  const lines = missing.map(({ attendee, reason }) => `${label(attendee)}: ${reason}`);
  return `This recording cannot be attached: every client at the session must have given written consent to it. Missing — ${lines.join('; ')}.`;
}

export interface ConsentDates {
  signedOn: string;
  expiresOn: string | null;
  destroyBy: string;
}

/** The first impossible date on a consent form, with the field it belongs to; null when the dates can be true. */
export function consentDatesProblem(dates: ConsentDates, today: string): { field: keyof ConsentDates; message: string } | null {
  if (dates.signedOn > today) return { field: 'signedOn', message: 'The date signed cannot be in the future: record the consent once it is signed.' };
  if (dates.expiresOn !== null && dates.expiresOn < dates.signedOn) {
    return { field: 'expiresOn', message: 'The consent cannot expire before the date it was signed.' };
  }
  if (dates.destroyBy < dates.signedOn) {
    return { field: 'destroyBy', message: 'The destruction date cannot be before the date the consent was signed.' };
  }
  return null;
}

/** A withdrawal is a fact: it has happened (not in the future) and came after the signature. */
export function withdrawalDateProblem(withdrawnOn: string, signedOn: string, today: string): string | null {
  if (withdrawnOn > today) return 'The date of withdrawal cannot be in the future.';
  if (withdrawnOn < signedOn) return `The date of withdrawal cannot be before the consent was signed (${longDate(signedOn)}).`;
  return null;
}

/** "Other" needs words saying what it is; the words need "other". */
export function otherUseProblem(uses: readonly RecordingUse[], otherUse: string | undefined): string | null {
  const described = otherUse !== undefined && otherUse.trim() !== '';
  if (uses.includes('other') && !described) return 'Say what the other use is.';
  if (!uses.includes('other') && described) return 'Tick “Other” as well, or leave the description of another use empty.';
  return null;
}

export interface RecordingCapabilities {
  /** Record a client's consent for a case: its own therapist, while the case is open. */
  recordConsent: boolean;
  /** Attach a recording of one of the case's sessions: its own therapist, while the case is open. */
  attach: boolean;
  /** Play its recordings: only its own therapist (a recording is note content, not identity and dates). */
  play: boolean;
}

export function recordingCapabilities(actor: Actor, kase: { runsCase: boolean; open: boolean }): RecordingCapabilities {
  return {
    recordConsent: kase.open && kase.runsCase && actor.isTherapist,
    attach: kase.open && kase.runsCase && actor.isTherapist,
    play: kase.runsCase,
  };
}

/**
 * Withdrawal must be possible at any time, so anyone who has the client in view may record it: a director, or
 * a therapist with the client in their caseload (not only the therapist of the case the consent is for).
 */
export function mayRecordWithdrawal(actor: Actor, clinician: boolean): boolean {
  return actor.isDirector || clinician;
}

/** Recordings are of sessions that took place. */
export const RECORDABLE_SESSION_STATUS = 'attended';
