import { z } from 'zod';
import { dateField } from './dates';
import { choice, fields, filePath, idField, listOf } from './fields';
import { caseKind, clientId, participantRef, sessionId } from './records';
import { id, isoDate, isoDateTime } from './schemas';
import { text } from './text';
import { RECORDING_USES } from './rules/recordings';

/** Schemas for recording consents and recordings (issue 9, DESIGN.md §1.4). JSON-safe values only. */

export const consentId = idField('Consent id');
export const recordingId = idField('Recording id');

const consentDate = (label: string) => dateField(label, { example: '2026-11-23' });
const recordingUse = choice('Use', RECORDING_USES);
const uses = (label: string, tooFew: string) => listOf(label, recordingUse, { min: 1, max: RECORDING_USES.length * 2, tooFew });
const consentText = (label: string, max: number) => text(label, { max, kind: 'lines', required: true });

export const newRecordingConsent = fields({
  clientId,
  /** The case the consent is for; with `sessionIds`, only those sessions of it. */
  caseId: idField('Case id'),
  sessionIds: listOf('Sessions covered', sessionId, { min: 1, max: 200, tooFew: 'Choose at least one session, or leave it out to cover the whole case' }).optional(),
  uses: uses('Permitted uses', 'Tick at least one use the client permits'),
  otherUse: text('The other use', { max: 300, kind: 'line' }).optional(),
  viewers: consentText('Who may view the recording', 500),
  storage: consentText('Where the recording is kept', 500),
  destructionMethod: consentText('How the recording will be destroyed', 500),
  destroyBy: consentDate('Destruction date'),
  signedOn: consentDate('Date signed'),
  expiresOn: consentDate('Expiry date').optional(),
  scanPath: filePath('Scan of the signed form', 'Choose the scan of the signed form, or leave it out').optional(),
});

export const withdrawRecordingConsent = fields({ consentId, withdrawnOn: consentDate('Date of withdrawal') });

export const attachRecording = fields({
  sessionId,
  uses: uses('Uses of the recording', 'Tick at least one use of the recording'),
  path: filePath('Recording file', 'Choose the recording file'),
});

export const consentStatus = z.enum(['in-force', 'withdrawn', 'expired', 'past-destruction-date', 'not-yet-signed']);

const sessionDate = z.strictObject({ id, startsAt: z.string() });

export const recordingConsentRecord = z.strictObject({
  id,
  reference: z.string(),
  client: participantRef,
  caseId: id,
  caseReference: z.string(),
  /** null: the whole case, its later sessions included. */
  sessions: z.array(sessionDate).nullable(),
  uses: z.array(recordingUse),
  otherUse: z.string().nullable(),
  viewers: z.string(),
  storage: z.string(),
  destructionMethod: z.string(),
  destroyBy: isoDate,
  signedOn: isoDate,
  expiresOn: isoDate.nullable(),
  hasScan: z.boolean(),
  withdrawnOn: isoDate.nullable(),
  status: consentStatus,
  recordedBy: z.string(),
  recordedAt: isoDateTime,
  /** Recordings still kept that rely on it: withdrawing destroys them. */
  recordingsKept: z.number().int(),
  can: z.strictObject({ withdraw: z.boolean() }),
});
export type RecordingConsentRecord = z.infer<typeof recordingConsentRecord>;

/** A case of this client the user may record a consent for, with the sessions the client was at. */
export const coverableCase = z.strictObject({ caseId: id, reference: z.string(), kind: caseKind, sessions: z.array(sessionDate) });
export type CoverableCase = z.infer<typeof coverableCase>;

export const recordingConsentList = z.strictObject({ consents: z.array(recordingConsentRecord), coverable: z.array(coverableCase) });

export const recordingStatus = z.enum(['available', 'past-destruction-date', 'destroyed']);

export const recordingRecord = z.strictObject({
  id,
  reference: z.string(),
  session: z.strictObject({ id, startsAt: z.string(), caseId: id, caseReference: z.string() }),
  /** The recording's subjects (the session's attendees when it was attached) that this user may see. */
  subjects: z.array(participantRef),
  /** Subjects other than the client whose file this is (all of them in the register). */
  otherSubjects: z.array(participantRef),
  consents: z.array(z.strictObject({ id, reference: z.string(), clientReference: z.string() })),
  uses: z.array(recordingUse),
  destroyBy: isoDate,
  status: recordingStatus,
  destroyedAt: isoDateTime.nullable(),
  destroyedBecause: z.enum(['consent-withdrawn']).nullable(),
  /** What the file is, while it exists. */
  media: z.strictObject({ contentType: z.string(), size: z.number().int() }).nullable(),
  attachedBy: z.string(),
  attachedAt: isoDateTime,
  can: z.strictObject({ play: z.boolean() }),
});
export type RecordingRecord = z.infer<typeof recordingRecord>;

/** A session of this client the user may attach a recording to. */
export const attachableSession = z.strictObject({
  id,
  startsAt: z.string(),
  caseId: id,
  caseReference: z.string(),
  attendees: z.array(participantRef),
});
export type AttachableSession = z.infer<typeof attachableSession>;

export const recordingList = z.strictObject({ recordings: z.array(recordingRecord), attachable: z.array(attachableSession) });
