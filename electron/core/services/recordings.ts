import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import { formatCaseReference, formatClientReference } from '../../../shared/client-reference';
import { formatRecordingConsentReference, formatRecordingReference } from '../../../shared/recording-references';
import type { AttachableSession, attachRecording, RecordingRecord } from '../../../shared/recordings';
import type { ParticipantRef } from '../../../shared/records';
import {
  checkAttendeeConsents,
  missingConsentsMessage,
  RECORDABLE_SESSION_STATUS,
  RECORDING_USES,
  recordingCapabilities,
  type ConsentFacts,
  type RecordingUse,
} from '../../../shared/rules/recordings';
import { longDate } from '../../../shared/long-date';
import type { ByteRange } from '../vault/blobs';
import { conflict, forbidden, invalidField, notFound } from '../errors';
import type { ServiceContext } from './context';
import { readStoredFile, storeFile } from './files';
import { consentFacts, consentRowsOf } from './recording-consents';
import { attendeesOfSession } from './refs';
import { findSession } from './sessions';
import { assertClientVisible, clientVisible, recordingAbout, recordingVisible, type SqlPart } from './visibility';

interface RecordingRow {
  id: string;
  reference_no: number;
  session_id: string;
  file_id: string | null;
  destroy_by: string;
  attached_at: string;
  attached_by_name: string;
  destroyed_at: string | null;
  destroyed_because: 'consent-withdrawn' | null;
  starts_at: string;
  case_id: string;
  case_reference_no: number;
  therapist_id: string;
  case_closed_on: string | null;
  content_type: string | null;
  size: number | null;
}

const SELECT_RECORDING = `
  SELECT r.*, s.starts_at, s.case_id, c.reference_no AS case_reference_no, c.therapist_id, c.closed_on AS case_closed_on,
         u.name AS attached_by_name, f.content_type, f.size
  FROM recordings r JOIN sessions s ON s.id = r.session_id JOIN cases c ON c.id = s.case_id
  JOIN users u ON u.id = r.attached_by LEFT JOIN files f ON f.id = r.file_id`;

const actorOf = (ctx: ServiceContext) => ({ isDirector: !!ctx.user.is_director, isTherapist: !!ctx.user.is_therapist });

/** "recording R-0001": how damage messages and refusals name a recording, never by a client's name. */
export const recordingLabel = (referenceNo: number) => `recording ${formatRecordingReference(referenceNo)}`;

function statusOf(ctx: ServiceContext, row: RecordingRow): RecordingRecord['status'] {
  if (row.destroyed_at !== null) return 'destroyed';
  return row.destroy_by < ctx.today() ? 'past-destruction-date' : 'available';
}

/** The recording's subjects this user may see, each with the consent relied on for them. */
function subjectsInView(ctx: ServiceContext, recordingId: string) {
  const visible = clientVisible(ctx, 'c');
  return ctx.db
    .prepare(
      `SELECT c.id, c.reference_no, c.name, k.id AS consent_id, k.reference_no AS consent_reference_no
       FROM recording_subjects rs JOIN clients c ON c.id = rs.client_id JOIN recording_consents k ON k.id = rs.consent_id
       WHERE rs.recording_id = ? AND ${visible.sql} ORDER BY c.reference_no`,
    )
    .all(recordingId, ...visible.params) as Array<{ id: string; reference_no: number; name: string; consent_id: string; consent_reference_no: number }>;
}

function usesOf(ctx: ServiceContext, recordingId: string): RecordingUse[] {
  const stored = new Set(ctx.db.prepare('SELECT purpose FROM recording_purposes WHERE recording_id = ?').pluck().all(recordingId) as string[]);
  return RECORDING_USES.filter((use) => stored.has(use));
}

function toRecord(ctx: ServiceContext, row: RecordingRow, fileClientId: string | null): RecordingRecord {
  const subjects = subjectsInView(ctx, row.id);
  const status = statusOf(ctx, row);
  const refs: ParticipantRef[] = subjects.map((s) => ({ id: s.id, reference: formatClientReference(s.reference_no), name: s.name }));
  return {
    id: row.id,
    reference: formatRecordingReference(row.reference_no),
    session: { id: row.session_id, startsAt: row.starts_at, caseId: row.case_id, caseReference: formatCaseReference(row.case_reference_no) },
    subjects: refs,
    otherSubjects: refs.filter((ref) => ref.id !== fileClientId),
    consents: subjects.map((s) => ({
      id: s.consent_id,
      reference: formatRecordingConsentReference(s.consent_reference_no),
      clientReference: formatClientReference(s.reference_no),
    })),
    uses: usesOf(ctx, row.id),
    destroyBy: row.destroy_by,
    status,
    destroyedAt: row.destroyed_at,
    destroyedBecause: row.destroyed_because,
    media: row.content_type !== null && row.size !== null ? { contentType: row.content_type, size: row.size } : null,
    attachedBy: row.attached_by_name,
    attachedAt: row.attached_at,
    can: {
      play:
        status !== 'destroyed' &&
        recordingCapabilities(actorOf(ctx), { runsCase: row.therapist_id === ctx.user.id, open: row.case_closed_on === null }).play,
    },
  };
}

function recordingRows(ctx: ServiceContext, where: SqlPart): RecordingRow[] {
  return ctx.db.prepare(`${SELECT_RECORDING} WHERE ${where.sql} ORDER BY s.starts_at DESC, r.reference_no DESC`).all(...where.params) as RecordingRow[];
}

/** The sessions of this client the user may attach a recording to: attended, in an open case they run. */
function attachableSessions(ctx: ServiceContext, clientId: string): AttachableSession[] {
  if (!recordingCapabilities(actorOf(ctx), { runsCase: true, open: true }).attach) return [];
  const rows = ctx.db
    .prepare(
      `SELECT s.id, s.starts_at, s.case_id, c.reference_no FROM sessions s JOIN cases c ON c.id = s.case_id
       JOIN session_attendees a ON a.session_id = s.id
       WHERE a.client_id = ? AND c.therapist_id = ? AND c.closed_on IS NULL AND s.status = ?
       ORDER BY s.starts_at DESC, s.id`,
    )
    .all(clientId, ctx.user.id, RECORDABLE_SESSION_STATUS) as Array<{ id: string; starts_at: string; case_id: string; reference_no: number }>;
  return rows.map((row) => ({
    id: row.id,
    startsAt: row.starts_at,
    caseId: row.case_id,
    caseReference: formatCaseReference(row.reference_no),
    attendees: attendeesOfSession(ctx.db, row.id),
  }));
}

/**
 * Without a client: the register of every recording this user may see (a director: all, identity and dates
 * only). With one: the recordings in that client's file — only those the client is a subject of.
 */
export function listRecordings(ctx: ServiceContext, clientId: string | undefined): { recordings: RecordingRecord[]; attachable: AttachableSession[] } {
  if (clientId === undefined) {
    return { recordings: recordingRows(ctx, recordingVisible(ctx, 'r')).map((row) => toRecord(ctx, row, null)), attachable: [] };
  }
  assertClientVisible(ctx, clientId);
  return {
    recordings: recordingRows(ctx, recordingAbout(ctx, clientId, 'r')).map((row) => toRecord(ctx, row, clientId)),
    attachable: attachableSessions(ctx, clientId),
  };
}

function findRecording(ctx: ServiceContext, recordingId: string): RecordingRow {
  const visible = recordingVisible(ctx, 'r');
  const row = ctx.db.prepare(`${SELECT_RECORDING} WHERE r.id = ? AND ${visible.sql}`).get(recordingId, ...visible.params) as RecordingRow | undefined;
  if (!row) throw notFound('That recording');
  return row;
}

export function getRecording(ctx: ServiceContext, recordingId: string): RecordingRecord {
  return toRecord(ctx, findRecording(ctx, recordingId), null);
}

/**
 * Attaches a recording of a session. Every attendee must have their own consent in force that covers the
 * session and every use chosen; otherwise nothing is read or stored and the refusal lists who is missing and
 * why. The file is read last, after every check.
 */
export async function attachRecordingToSession(ctx: ServiceContext, input: z.output<typeof attachRecording>): Promise<RecordingRecord> {
  const { session, caseRow } = findSession(ctx, input.sessionId);
  const runsCase = caseRow.therapist_id === ctx.user.id;
  if (!runsCase || !ctx.user.is_therapist) throw forbidden("Only the case's therapist can attach recordings of its sessions.");
  if (!recordingCapabilities(actorOf(ctx), { runsCase, open: caseRow.closed_on === null }).attach) {
    throw conflict('This case is closed, so recordings cannot be added to it.');
  }
  if (session.status !== RECORDABLE_SESSION_STATUS) throw invalidField('sessionId', 'Only a session that took place (attended) can have a recording.');
  const uses = RECORDING_USES.filter((use) => input.uses.includes(use));
  const attendees = attendeesOfSession(ctx.db, session.id);
  const check = checkAttendeeConsents(
    attendees.map((attendee) => ({
      attendee,
      consents: consentRowsOf(ctx, attendee.id).map((row): ConsentFacts & { id: string } => ({ ...consentFacts(ctx, row), id: row.id })),
    })),
    { sessionId: session.id, caseId: session.case_id, uses, today: ctx.today() },
  );
  if (!check.ok) throw conflict(missingConsentsMessage(check.missing, (person) => `${person.name} (${person.reference})`));

  const stored = await storeFile(ctx, ctx.blobs, input.path, 'recording', 'path');
  const id = randomUUID();
  const next = ctx.db.prepare('SELECT ifnull(max(reference_no), 0) + 1 FROM recordings').pluck().get() as number;
  // The earliest destruction date any attendee agreed to binds the recording.
  const destroyBy = check.relied.map((r) => r.consent.destroyBy).sort()[0]!;
  ctx.db
    .prepare('INSERT INTO recordings (id, reference_no, session_id, file_id, destroy_by, attached_by, attached_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, next, session.id, stored.id, destroyBy, ctx.user.id, ctx.now());
  const addUse = ctx.db.prepare('INSERT INTO recording_purposes (recording_id, purpose) VALUES (?, ?)');
  uses.forEach((use) => addUse.run(id, use));
  const addSubject = ctx.db.prepare('INSERT INTO recording_subjects (recording_id, client_id, consent_id) VALUES (?, ?, ?)');
  check.relied.forEach(({ attendee, consent }) => addSubject.run(id, attendee.id, consent.id));
  return getRecording(ctx, id);
}

/** What a stream of the recording needs, once the user is known to be allowed to play it. */
export interface PlayableRecording {
  label: string;
  fileId: string;
  size: number;
  contentType: string;
}

/** Only the therapist of the recording's case plays it; a destroyed recording has nothing left to play. */
export function playableRecording(ctx: ServiceContext, recordingId: string): PlayableRecording {
  const row = findRecording(ctx, recordingId);
  if (row.file_id === null || row.size === null || row.content_type === null) {
    throw conflict(`Recording ${formatRecordingReference(row.reference_no)} was destroyed on ${longDate(row.destroyed_at!.slice(0, 10))} and can no longer be played.`);
  }
  const playable = recordingCapabilities(actorOf(ctx), { runsCase: row.therapist_id === ctx.user.id, open: row.case_closed_on === null }).play;
  if (!playable) throw forbidden('Only the therapist of the case a recording belongs to can play it.');
  return { label: recordingLabel(row.reference_no), fileId: row.file_id, size: row.size, contentType: row.content_type };
}

/** The plaintext of a playable recording, or a byte range of it. */
export function readPlayable(ctx: ServiceContext, playable: PlayableRecording, range?: ByteRange): Promise<Readable> {
  return readStoredFile(ctx, ctx.blobs, playable.fileId, playable.label, range);
}

/**
 * Decrypts the whole file to say whether it is intact: what the player asks after playback failed, since a
 * media element cannot say why. The damage error names the recording by reference. Nothing is passed on.
 */
export async function verifyRecording(ctx: ServiceContext, recordingId: string): Promise<{ intact: true }> {
  const playable = playableRecording(ctx, recordingId);
  for await (const chunk of await readPlayable(ctx, playable)) (chunk as Buffer).fill(0);
  return { intact: true };
}
