import type { z } from 'zod';
import { formatClientReference } from '../../../shared/client-reference';
import type { ParticipantRef } from '../../../shared/records';
import { formatDisclosureReference, type attendanceRequest } from '../../../shared/release';
import { planRelease, type ReleasePlan, type ReleaseRecipient } from '../../../shared/rules/release-eligibility';
import type { AttendanceSummary } from '../documents/attendance-summary';
import { ConfideError, invalidField, notFound } from '../errors';
import { assertClientVisible } from '../services/caseload';
import type { ServiceContext } from '../services/context';
import { nextDisclosureNumber } from '../services/disclosure-log';
import { letterhead, practiceName } from '../vault/settings';
import { clientIdentities, consentFacts, sessionFactsInPeriod, type ClientIdentity } from './release-facts';

export type AttendanceInput = z.output<typeof attendanceRequest>;

/** An attendance summary worked out and checked, before anything is written. */
export interface PreparedRelease {
  client: ParticipantRef;
  recipient: ReleaseRecipient;
  plan: ReleasePlan;
  /** Everyone the plan names (the client, other attendees, whoever gave a consent relied on). */
  people: Map<string, ClientIdentity>;
  reliedOn: Array<{ consentId: string; clientId: string; signedOn: string; expiresOn: string }>;
  /** What the documents say; null while another attendee's consent is missing. */
  summary: AttendanceSummary | null;
  referenceNo: number;
  reference: string;
  /** Clients whose information the release contains: the client and other attendees of joint sessions counted. */
  subjectIds: string[];
}

export const personRef = (person: ClientIdentity): ParticipantRef => ({
  id: person.id,
  reference: formatClientReference(person.referenceNo),
  name: person.name,
});

/**
 * Works out what an attendance summary would release, under the eligibility rules (shared/rules), on the
 * core's clock. Refuses, naming the field, anything that stops a release outright; missing consents of other
 * attendees are returned in the plan, for the preview to list and the export to refuse.
 */
export function prepareRelease(ctx: ServiceContext, input: AttendanceInput): PreparedRelease {
  assertClientVisible(ctx, input.clientId);
  const period = { from: input.periodFrom, to: input.periodTo };
  const sessions = sessionFactsInPeriod(ctx, input.clientId, period);
  const attendees = sessions.flatMap((session) => session.attendeeIds);
  const consents = consentFacts(ctx, [input.clientId, ...attendees]);
  // Another client's consent, or one that does not exist, is "not found" in the same words.
  if (!consents.some((consent) => consent.id === input.consentId && consent.clientId === input.clientId)) throw notFound('That consent');

  const plan = planRelease(
    {
      clientId: input.clientId,
      period,
      consentId: input.consentId,
      includeMissedAndCancelled: input.includeMissedAndCancelled,
      jointSessions: input.jointSessions,
      today: ctx.today(),
    },
    consents,
    sessions,
  );
  if (plan.problem) throw invalidField(plan.problem.path, plan.problem.message);
  const own = consents.find((consent) => consent.id === input.consentId)!;

  const reliedOn = plan.reliedOn.map((id) => {
    const consent = consents.find((c) => c.id === id)!;
    return { consentId: id, clientId: consent.clientId, signedOn: consent.signedOn, expiresOn: consent.expiresOn };
  });
  const people = clientIdentities(ctx, [input.clientId, ...attendees]);
  const client = people.get(input.clientId)!;
  if (input.includeDateOfBirth && client.dateOfBirth === null) {
    throw invalidField('includeDateOfBirth', 'No date of birth is recorded for this client: record it in their details, or leave it out');
  }
  if (!input.includeName && !input.includeDateOfBirth) {
    throw invalidField('includeName', 'The letter must say who it is about: include the client’s name, their date of birth, or both');
  }

  const referenceNo = nextDisclosureNumber(ctx);
  const reference = formatDisclosureReference(referenceNo);
  const counted = new Set(countedAttendees(sessions, plan, input));
  return {
    client: personRef(client),
    recipient: own.recipient,
    plan,
    people,
    reliedOn,
    summary: plan.missing.length > 0 ? null : summaryOf(ctx, input, plan, own.recipient, own.signedOn, client, reference),
    referenceNo,
    reference,
    subjectIds: [input.clientId, ...counted],
  };
}

/** Other attendees of the joint sessions a release counts: their information leaves with it. */
function countedAttendees(sessions: ReturnType<typeof sessionFactsInPeriod>, plan: ReleasePlan, input: AttendanceInput): string[] {
  if (plan.individualSessionsOnly || plan.missing.length > 0) return [];
  return sessions
    .filter((s) => s.date >= input.periodFrom && s.date <= input.periodTo && (s.outcome === 'attended' || input.includeMissedAndCancelled))
    .flatMap((s) => (s.attendeeIds.length > 1 ? s.attendeeIds.filter((id) => id !== input.clientId) : []));
}

function summaryOf(
  ctx: ServiceContext,
  input: AttendanceInput,
  plan: ReleasePlan,
  recipient: ReleaseRecipient,
  consentSignedOn: string,
  client: ClientIdentity,
  reference: string,
): AttendanceSummary {
  const head = letterhead(ctx.db);
  if (head.signatoryName === '' || head.signatoryRole === '') {
    throw new ConfideError('conflict', 'The practice’s letterhead has no signatory yet. A practice director sets it in Settings, under Letterhead.');
  }
  return {
    practice: { name: practiceName(ctx.db), addressLines: head.addressLines, ...(head.letterheadLine ? { letterhead: head.letterheadLine } : {}) },
    signatory: { name: head.signatoryName, role: head.signatoryRole },
    recipient: { organisation: recipient.organisation, ...(recipient.person ? { person: recipient.person } : {}) },
    client: {
      ...(input.includeName ? { name: client.name } : {}),
      ...(input.includeDateOfBirth && client.dateOfBirth ? { dateOfBirth: client.dateOfBirth } : {}),
    },
    period: { from: input.periodFrom, to: input.periodTo },
    attended: { dates: plan.attendedDates, count: plan.attendedDates.length },
    ...(input.includeMissedAndCancelled ? { didNotAttendCount: plan.didNotAttendCount, cancelledCount: plan.cancelledCount } : {}),
    individualSessionsOnly: plan.individualSessionsOnly,
    consentSignedOn,
    letterDate: ctx.today(),
    reference,
  };
}

/** The files an export writes: named by the disclosure's reference and the day, never by the client. */
export function exportFileNames(reference: string, today: string): { pdf: string; csv: string } {
  const stem = `attendance-summary-${reference}-${today}`;
  return { pdf: `${stem}.pdf`, csv: `${stem}.csv` };
}
