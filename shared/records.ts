import { z } from 'zod';
import { id, isoDate, isoDateTime, noteBody, personName } from './schemas';
import { MAX_CASE_PARTICIPANTS } from './rules/case-kinds';

/** Schemas for the client record (issue 3): cases, sessions, notes with subject sets, search. */

const text = (label: string, max: number) =>
  z.string().trim().max(max, `${label} must be at most ${max} characters`).optional();

/** Records start in 1900 at the earliest (paper records move in) and never in the future beyond a year. */
export const recordDate = isoDate.refine((value) => value >= '1900-01-01' && value <= '2100-12-31', {
  message: 'Date must be between 1 January 1900 and 31 December 2100',
});

/** A local date and time as the practitioner enters it, e.g. 2026-11-23T14:30. */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Date and time must look like 2026-11-23T14:30')
  .refine((value) => isoDate.safeParse(value.slice(0, 10)).success && Number(value.slice(11, 13)) < 24 && Number(value.slice(14, 16)) < 60, {
    message: 'That date or time does not exist',
  })
  .refine((value) => value >= '1900-01-01' && value <= '2100-12-31T23:59', {
    message: 'Date must be between 1 January 1900 and 31 December 2100',
  });

export const equalityMonitoring = z.strictObject({
  /** The fields are stored only when the client's explicit consent is recorded with them. */
  consentRecorded: z.literal(true, { message: 'Equality monitoring needs the client’s explicit consent' }),
  ethnicity: text('Ethnicity', 100),
  gender: text('Gender', 100),
  sexualOrientation: text('Sexual orientation', 100),
  disability: text('Disability', 200),
  religion: text('Religion or belief', 100),
});
export type EqualityMonitoring = z.infer<typeof equalityMonitoring>;

export const clientDetailsFields = {
  address: text('Address', 500),
  emergencyContact: text('Emergency contact', 300),
  gpPractice: text('GP practice', 300),
  interpreterNeeded: z.boolean().optional(),
  interpreterLanguage: text('Interpreter language', 100),
  heardAbout: text('How they heard of the practice', 300),
  referrerName: text('Referrer name', 200),
  referrerContact: text('Referrer contact', 300),
  equality: equalityMonitoring.optional(),
};

export const caseKind = z.enum(['individual', 'couple', 'family']);
export type CaseKind = z.infer<typeof caseKind>;

export const participantRef = z.strictObject({ id, reference: z.string(), name: z.string() });
export type ParticipantRef = z.infer<typeof participantRef>;

export const caseRecord = z.strictObject({
  id,
  reference: z.string(),
  kind: caseKind,
  status: z.enum(['open', 'closed']),
  openedOn: isoDate,
  closedOn: isoDate.nullable(),
  therapist: z.strictObject({ id, name: z.string() }),
  participants: z.array(participantRef),
  /** What the signed-in user may do with this case, as the core decided it. */
  can: z.strictObject({ recordSessions: z.boolean(), writeNotes: z.boolean(), close: z.boolean() }),
});
export type CaseRecord = z.infer<typeof caseRecord>;

export const newCase = z.strictObject({
  kind: caseKind,
  participantIds: z
    .array(id)
    .min(1, 'A case needs at least one participant')
    .max(MAX_CASE_PARTICIPANTS, `A case has at most ${MAX_CASE_PARTICIPANTS} participants`),
  therapistId: id.optional(),
  openedOn: recordDate,
});

export const sessionModality = z.enum(['in-person', 'video', 'phone']);
export const sessionStatus = z.enum(['attended', 'did-not-attend', 'cancelled-by-client', 'cancelled-by-practice']);

export const sessionRecord = z.strictObject({
  id,
  caseId: id,
  caseKind,
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  modality: sessionModality,
  status: sessionStatus,
  /** The session's subjects: who attended (or was due to, for a session that did not happen). */
  attendees: z.array(participantRef),
  /** Attendees other than the client whose file this is, so joint sessions can be labelled. */
  otherSubjects: z.array(participantRef),
  individual: z.boolean(),
});
export type SessionRecord = z.infer<typeof sessionRecord>;

export const newSession = z.strictObject({
  caseId: id,
  startsAt: localDateTime,
  durationMinutes: z.number().int().min(5, 'A session lasts at least 5 minutes').max(480, 'A session lasts at most 8 hours'),
  modality: sessionModality,
  status: sessionStatus,
  attendeeIds: z.array(id).min(1, 'Choose who the session was with').max(12),
});

export const noteKind = z.enum(['session', 'case', 'contact', 'client']);
export type NoteKind = z.infer<typeof noteKind>;

/** What a note is about; its subjects are derived from this, never typed by hand. */
export const noteAbout = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('session'), sessionId: id }),
  z.strictObject({ type: z.literal('case'), caseId: id }),
  z.strictObject({ type: z.literal('client'), clientId: id, kind: z.enum(['contact', 'client']) }),
]);
export type NoteAbout = z.infer<typeof noteAbout>;

export const amendment = z.strictObject({
  id,
  body: z.string(),
  reason: z.string(),
  authorName: z.string(),
  createdAt: isoDateTime,
});

export const clientComment = z.strictObject({
  id,
  clientRef: participantRef,
  comment: z.string(),
  recordedBy: z.string(),
  createdAt: isoDateTime,
});

export const noteRecord = z.strictObject({
  id,
  kind: noteKind,
  status: z.enum(['draft', 'final']),
  /** The text as first finalised (or the draft); amendments follow it, never replace it. */
  body: z.string(),
  /** The text as it now stands: the last amendment's body, or `body`. */
  currentBody: z.string(),
  authorId: id,
  authorName: z.string(),
  caseId: id.nullable(),
  sessionId: id.nullable(),
  subjects: z.array(participantRef),
  otherSubjects: z.array(participantRef),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  finalisedAt: isoDateTime.nullable(),
  amendments: z.array(amendment),
  clientComments: z.array(clientComment),
});
export type NoteRecord = z.infer<typeof noteRecord>;

/** A note and the client whose file it is opened from. */
export const noteInFile = z.strictObject({ noteId: id, clientId: id });

export const amendInput = z.strictObject({
  noteId: id,
  clientId: id,
  body: noteBody.refine((v) => v.trim() !== '', { message: 'The amended text is required' }),
  reason: z.string().trim().min(1, 'Give a reason for the amendment').max(1000),
});

/** The comment is the file's client's own: `clientId` is both the commenter and the file. */
export const clientCommentInput = z.strictObject({
  noteId: id,
  clientId: id,
  comment: z.string().trim().min(1, 'The client’s comment is required').max(10_000),
});

export const searchHit = z.strictObject({
  kind: z.enum(['client', 'note']),
  client: participantRef,
  noteId: id.nullable(),
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const newUser = z.strictObject({
  name: personName,
  roles: z.array(z.enum(['director', 'therapist'])).min(1, 'Choose at least one role'),
});
