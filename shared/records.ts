import { z } from 'zod';
import { dateField, localDateTimeField } from './dates';
import { choice, fields, group, idField, listOf, wholeNumber, yesNo } from './fields';
import { id, isoDate, isoDateTime, noteBody, personName } from './schemas';
import { text } from './text';
import { MAX_CASE_PARTICIPANTS } from './rules/case-kinds';

/** Schemas for the client record (issue 3): cases, sessions, notes with subject sets, search. */

const line = (label: string, max: number) => text(label, { max, kind: 'line' }).optional();
const lines = (label: string, max: number) => text(label, { max, kind: 'lines' }).optional();
const name = (label: string, max: number) => text(label, { max, kind: 'name' }).optional();

export const clientId = idField('Client id');
export const caseId = idField('Case id');
export const sessionId = idField('Session id');
export const noteId = idField('Note id');

/** A day in a case's life, written YYYY-MM-DD. Whether it may be in the future is checked on the core's clock. */
export const recordDate = (label: string) => dateField(label, { example: '2026-11-23' });

/** A local date and time as the practitioner enters it, e.g. 2026-11-23T14:30. */
export const sessionStart = localDateTimeField('Session date and time', { example: '2026-11-23T14:30' });

export const equalityMonitoring = group('Equality monitoring', {
  /** The fields are stored only when the client's explicit consent is recorded with them. */
  consentRecorded: z.literal(true, { error: 'Equality monitoring needs the client’s explicit consent: consentRecorded must be true' }),
  ethnicity: line('Ethnicity', 100),
  gender: line('Gender', 100),
  sexualOrientation: line('Sexual orientation', 100),
  disability: line('Disability', 200),
  religion: line('Religion or belief', 100),
});
export type EqualityMonitoring = z.infer<typeof equalityMonitoring>;

export const clientDetailsFields = {
  address: lines('Address', 500),
  emergencyContact: lines('Emergency contact', 300),
  gpPractice: line('GP practice', 300),
  interpreterNeeded: yesNo('Interpreter needed').optional(),
  interpreterLanguage: line('Interpreter language', 100),
  heardAbout: lines('How they heard of the practice', 300),
  referrerName: name('Referrer name', 200),
  referrerContact: lines('Referrer contact', 300),
  equality: equalityMonitoring.optional(),
};

export const caseKind = choice('Kind of case', ['individual', 'couple', 'family']);
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
  can: z.strictObject({ recordSessions: z.boolean(), writeNotes: z.boolean(), correctSessions: z.boolean(), close: z.boolean() }),
});
export type CaseRecord = z.infer<typeof caseRecord>;

export const newCase = fields({
  kind: caseKind,
  participantIds: listOf('Participants', clientId, {
    min: 1,
    max: MAX_CASE_PARTICIPANTS,
    tooFew: 'A case needs at least one participant',
    tooMany: `A case has at most ${MAX_CASE_PARTICIPANTS} participants`,
  }),
  therapistId: idField('Therapist id').optional(),
  openedOn: recordDate('Opening date'),
});

export const closeCaseInput = fields({ caseId, closedOn: recordDate('Closing date') });

export const sessionModality = choice('How the session took place', ['in-person', 'video', 'phone']);
/** "booked" is a session ahead of its time; the others say what happened (or that it was called off). */
export const sessionStatus = choice('Attendance', ['booked', 'attended', 'did-not-attend', 'cancelled-by-client', 'cancelled-by-practice']);
export type SessionStatus = z.infer<typeof sessionStatus>;

/** What a correction replaced: the session as it stood before. */
export const sessionCorrection = z.strictObject({
  correctedAt: isoDateTime,
  correctedBy: z.string(),
  reason: z.string().nullable(),
  previous: z.strictObject({
    startsAt: z.string(),
    durationMinutes: z.number().int(),
    modality: sessionModality,
    status: sessionStatus,
    attendees: z.array(z.strictObject({ id, reference: z.string(), name: z.string() })),
  }),
});
export type SessionCorrection = z.infer<typeof sessionCorrection>;

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
  /** Attendees destroyed since (retention): counted, never named — shown as "a former client". */
  formerSubjects: z.number().int(),
  individual: z.boolean(),
  /** Earlier versions of this session, oldest first: every correction keeps what it replaced. */
  corrections: z.array(sessionCorrection),
});
export type SessionRecord = z.infer<typeof sessionRecord>;

const sessionFields = {
  startsAt: sessionStart,
  durationMinutes: wholeNumber('Duration', {
    min: 5,
    max: 480,
    unit: 'minutes',
    tooSmall: 'A session lasts at least 5 minutes',
    tooBig: 'A session lasts at most 8 hours',
  }),
  modality: sessionModality,
  status: sessionStatus,
  attendeeIds: listOf('Attendees', clientId, { min: 1, max: 12, tooFew: 'Choose who the session was with' }),
};

export const newSession = fields({ caseId, ...sessionFields });

/** A correction names the fields that change; the others keep their recorded values. */
export const sessionCorrectionInput = fields({
  sessionId,
  startsAt: sessionFields.startsAt.optional(),
  durationMinutes: sessionFields.durationMinutes.optional(),
  modality: sessionFields.modality.optional(),
  status: sessionFields.status.optional(),
  attendeeIds: sessionFields.attendeeIds.optional(),
  reason: text('Reason for the correction', { max: 1000, kind: 'lines' }).optional(),
});

export const noteKind = choice('Kind of note', ['session', 'case', 'contact', 'client']);
export type NoteKind = z.infer<typeof noteKind>;

/** What a note is about; its subjects are derived from this, never typed by hand. */
const ABOUT_WHAT = 'Say what the note is about: "about" is {"type": "session", "sessionId": …}, {"type": "case", "caseId": …} or {"type": "client", "clientId": …, "kind": "client" or "contact"}';
export const noteAbout = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('session'), sessionId }),
    z.strictObject({ type: z.literal('case'), caseId }),
    z.strictObject({ type: z.literal('client'), clientId, kind: choice('Kind of note', ['contact', 'client']) }),
  ],
  { error: ABOUT_WHAT },
);

export const saveDraftInput = fields({ about: noteAbout, noteId: noteId.optional(), body: noteBody });
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
  /** Subjects destroyed since (retention): counted, never named — shown as "a former client". */
  formerSubjects: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  finalisedAt: isoDateTime.nullable(),
  amendments: z.array(amendment),
  clientComments: z.array(clientComment),
});
export type NoteRecord = z.infer<typeof noteRecord>;

/** A note and the client whose file it is opened from. */
export const noteInFile = fields({ noteId, clientId });

export const amendInput = fields({
  noteId,
  clientId,
  body: noteBody.refine((v) => v.trim() !== '', { message: 'The amended text is required' }),
  reason: text('Reason for the amendment', { max: 1000, kind: 'lines', required: 'Give a reason for the amendment' }),
});

/** The comment is the file's client's own: `clientId` is both the commenter and the file. */
export const clientCommentInput = fields({
  noteId,
  clientId,
  comment: text('The client’s comment', { max: 10_000, kind: 'lines', required: 'The client’s comment is required' }),
});

export const searchHit = z.strictObject({
  kind: z.enum(['client', 'note']),
  client: participantRef,
  noteId: id.nullable(),
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const newUser = fields({
  name: personName,
  roles: listOf('Roles', choice('Role', ['director', 'therapist']), { min: 1, max: 2, tooFew: 'Choose at least one role' }),
});

export const searchInput = fields({
  text: text('Search text', { max: 200, kind: 'line', required: 'Type something to search for' }),
  clientId: clientId.optional(),
});
