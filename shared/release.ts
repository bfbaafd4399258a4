import { z } from 'zod';
import { dateField } from './dates';
import { choice, fields, idField, listOf, yesNo } from './fields';
import { clientId, participantRef } from './records';
import { id, isoDate, isoDateTime } from './schemas';
import { consentDatesProblems } from './rules/release-eligibility';
import { text } from './text';

/**
 * Releasing information to third parties (issue 9): written consents to release, the attendance summary made
 * on them, and the disclosure log every release is entered in.
 */

export const consentId = idField('Consent id');
const date = (label: string) => dateField(label, { example: '2026-11-23' });

/** What a consent lets go: the dates and number of sessions attended, and optionally missed and cancelled counts. */
export const releaseScope = choice('What may be released', ['attendance', 'attendance-and-missed']);
export type ReleaseScope = z.infer<typeof releaseScope>;

export const RECIPIENT_ORGANISATION_MAX = 160;
export const RECIPIENT_PERSON_MAX = 120;

export const newReleaseConsent = fields({
  clientId,
  recipientOrganisation: text('Recipient organisation', {
    max: RECIPIENT_ORGANISATION_MAX,
    kind: 'name',
    required: 'Name the organisation the information may go to',
  }),
  recipientPerson: text('Recipient’s name', { max: RECIPIENT_PERSON_MAX, kind: 'name' }).optional(),
  purpose: text('Purpose', { max: 2000, kind: 'lines', required: 'Say what the information is for, as the form does' }),
  releases: releaseScope.optional(),
  periodFrom: date('Period covered from'),
  periodTo: date('Period covered to'),
  signedOn: date('Date signed'),
  expiresOn: date('Expiry date'),
  /** The scan of the signed form: a path the person chose (the app's file dialog, or the CLI's argument). */
  scanPath: text('Scan of the signed form', { max: 4096, kind: 'line' }).optional(),
}).superRefine((value, ctx) => {
  for (const problem of consentDatesProblems(value)) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message, input: value });
});

export const withdrawReleaseConsent = fields({ consentId, withdrawnOn: date('Date withdrawn') });

export const consentStatusValue = z.enum(['valid', 'not-yet-signed', 'expired', 'withdrawn']);

export const releaseRecipient = z.strictObject({ organisation: z.string(), person: z.string().nullable() });

export const releaseConsentRecord = z.strictObject({
  id,
  client: participantRef,
  recipient: releaseRecipient,
  purpose: z.string(),
  releases: releaseScope,
  periodFrom: isoDate,
  periodTo: isoDate,
  signedOn: isoDate,
  expiresOn: isoDate,
  withdrawnOn: isoDate.nullable(),
  /** On the core's clock today. */
  status: consentStatusValue,
  scan: z.strictObject({ size: z.number().int(), contentType: z.string() }).nullable(),
  recordedBy: z.string(),
  recordedAt: isoDateTime,
});
export type ReleaseConsentRecord = z.infer<typeof releaseConsentRecord>;

/** What the person asks for: one client, one period, the consent relied on, and what to include. */
export const attendanceRequestFields = {
  clientId,
  periodFrom: date('Period from'),
  periodTo: date('Period to'),
  consentId,
  /** "As the recipient needs them": the letter may identify the client by name, date of birth, both or neither. */
  includeName: yesNo('Include the client’s name').default(true),
  includeDateOfBirth: yesNo('Include the date of birth').default(false),
  includeMissedAndCancelled: yesNo('Include missed and cancelled sessions').default(false),
  jointSessions: choice('Joint sessions', ['include', 'exclude']).default('include'),
};
export const attendanceRequest = fields(attendanceRequestFields);
export type AttendanceRequest = z.input<typeof attendanceRequest>;

export const attendanceExportRequest = fields({
  ...attendanceRequestFields,
  /** Where the PDF and CSV are written: a folder the person chose. A path, not client data. */
  outputFolder: text('Output folder', { max: 4096, kind: 'line', required: 'Choose the folder the files go to' }),
});

export const missingReason = z.enum(['no-consent', 'withdrawn', 'expired', 'not-yet-signed', 'period', 'counts']);

/** The letter's own words (documents/attendance-letter-content.ts), as the preview shows them. */
export const attendanceLetterWords = z.strictObject({
  letterhead: z.strictObject({ practiceName: z.string(), tagline: z.string().nullable(), addressLines: z.array(z.string()) }),
  marking: z.string(),
  recipientLines: z.array(z.string()),
  reference: z.string(),
  date: z.string(),
  salutation: z.string(),
  subject: z.string(),
  opening: z.array(z.string()),
  datesHeading: z.string().nullable(),
  dates: z.array(z.string()),
  otherCountsHeading: z.string().nullable(),
  otherCounts: z.array(z.string()),
  closingParagraphs: z.array(z.string()),
  valediction: z.string(),
  signature: z.strictObject({ name: z.string(), role: z.string(), practiceName: z.string() }),
});
export type AttendanceLetterWords = z.infer<typeof attendanceLetterWords>;

export const reliedOnConsent = z.strictObject({ consentId: id, client: participantRef, signedOn: isoDate, expiresOn: isoDate });

export const attendancePreview = z.strictObject({
  client: participantRef,
  recipient: releaseRecipient,
  period: z.strictObject({ from: isoDate, to: isoDate }),
  /** Joint sessions in the period that would be counted; "individual sessions only" leaves them out. */
  jointSessions: z.number().int(),
  /** Attendees of joint sessions whose consent does not cover them: the export is refused while any remain. */
  missing: z.array(z.strictObject({ client: participantRef, sessionDates: z.array(isoDate), reason: missingReason })),
  reliedOn: z.array(reliedOnConsent),
  /** Exactly what will leave: the letter's words and the CSV's cells; null while consents are missing. */
  letter: attendanceLetterWords.nullable(),
  csv: z.array(z.array(z.string())).nullable(),
  /** The files the export writes, named by the disclosure's reference and date (never the client). */
  fileNames: z.array(z.string()),
});
export type AttendancePreview = z.infer<typeof attendancePreview>;

export const disclosureBasis = z.enum(['consent', 'court-order', 'safeguarding', 'legal-obligation']);
export const disclosureKind = z.enum(['attendance-summary']);
export const clientTold = z.enum(['consented', 'told', 'not-told']);

export const disclosedFile = z.strictObject({ name: z.string(), bytes: z.number().int(), sha256: z.string() });

export const disclosureRecord = z.strictObject({
  id,
  reference: z.string(),
  disclosedOn: isoDate,
  recordedAt: isoDateTime,
  client: participantRef,
  recipient: releaseRecipient,
  basis: disclosureBasis,
  kind: disclosureKind,
  /** What was released, in words. */
  released: z.string(),
  attendance: z
    .strictObject({
      periodFrom: isoDate,
      periodTo: isoDate,
      sessionsAttended: z.number().int(),
      didNotAttend: z.number().int().nullable(),
      cancelled: z.number().int().nullable(),
      individualSessionsOnly: z.boolean(),
      includesName: z.boolean(),
      includesDateOfBirth: z.boolean(),
    })
    .nullable(),
  consents: z.array(z.strictObject({ id, client: participantRef, signedOn: isoDate })),
  releasedBy: z.string(),
  authorisedBy: z.string(),
  clientTold,
  clientToldOn: isoDate.nullable(),
  files: z.array(disclosedFile),
});
export type DisclosureRecord = z.infer<typeof disclosureRecord>;

export const attendanceExport = z.strictObject({
  disclosure: disclosureRecord,
  /** Where each file was written, with its SHA-256 (also in the disclosure log). */
  files: z.array(disclosedFile.extend({ path: z.string() })),
});

export const disclosureQuery = fields({ clientId: clientId.optional() });

/** The practice's letterhead and the signatory of the letters it sends. */
export const ADDRESS_LINES_MAX = 6;
export const letterheadFields = {
  addressLines: listOf('Practice address', text('A line of the practice address', { max: 120, kind: 'line', required: true }), {
    max: ADDRESS_LINES_MAX,
    tooMany: `The practice address can have at most ${ADDRESS_LINES_MAX} lines`,
  }),
  letterheadLine: text('Letterhead line', { max: 200, kind: 'line' }),
  signatoryName: text('Signatory’s name', { max: 120, kind: 'name' }),
  signatoryRole: text('Signatory’s role', { max: 120, kind: 'line' }),
};
export const practiceLetterhead = z.strictObject({
  practiceName: z.string(),
  addressLines: z.array(z.string()),
  letterheadLine: z.string(),
  signatoryName: z.string(),
  signatoryRole: z.string(),
});
export type PracticeLetterhead = z.infer<typeof practiceLetterhead>;

/** Disclosures are referred to as D-0001: the letter's "our reference", and the name of its files. */
export function formatDisclosureReference(referenceNo: number): string {
  return `D-${String(referenceNo).padStart(4, '0')}`;
}
