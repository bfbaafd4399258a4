import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { formatCaseReference } from '../../../shared/client-reference';
import { longDate } from '../../../shared/long-date';
import { formatRecordingConsentReference } from '../../../shared/recording-references';
import type { CoverableCase, newRecordingConsent, RecordingConsentRecord, withdrawRecordingConsent } from '../../../shared/recordings';
import {
  consentDatesProblem,
  consentStatus,
  mayRecordWithdrawal,
  otherUseProblem,
  RECORDING_USES,
  recordingCapabilities,
  withdrawalDateProblem,
  type ConsentFacts,
  type RecordingUse,
} from '../../../shared/rules/recordings';
import { conflict, forbidden, invalidField, notFound } from '../errors';
import { findCase } from './cases';
import type { ServiceContext } from './context';
import { destroyFileKey, storeFile } from './files';
import { clientRef } from './refs';
import { assertClientVisible, isClinicianFor } from './visibility';

export interface ConsentRow {
  id: string;
  reference_no: number;
  client_id: string;
  case_id: string;
  case_reference_no: number;
  whole_case: 0 | 1;
  other_use: string | null;
  viewers: string;
  storage: string;
  destruction_method: string;
  destroy_by: string;
  signed_on: string;
  expires_on: string | null;
  scan_file_id: string | null;
  withdrawn_on: string | null;
  recorded_by_name: string;
  created_at: string;
}

const SELECT_CONSENT = `
  SELECT k.*, c.reference_no AS case_reference_no, u.name AS recorded_by_name
  FROM recording_consents k JOIN cases c ON c.id = k.case_id JOIN users u ON u.id = k.recorded_by`;

const actorOf = (ctx: ServiceContext) => ({ isDirector: !!ctx.user.is_director, isTherapist: !!ctx.user.is_therapist });

function purposesOf(ctx: ServiceContext, consentId: string): RecordingUse[] {
  const stored = new Set(ctx.db.prepare('SELECT purpose FROM recording_consent_purposes WHERE consent_id = ?').pluck().all(consentId) as string[]);
  return RECORDING_USES.filter((use) => stored.has(use));
}

function sessionsCovered(ctx: ServiceContext, row: ConsentRow): Array<{ id: string; startsAt: string }> | null {
  if (row.whole_case) return null;
  return ctx.db
    .prepare(
      `SELECT s.id, s.starts_at AS startsAt FROM recording_consent_sessions k JOIN sessions s ON s.id = k.session_id
       WHERE k.consent_id = ? ORDER BY s.starts_at, s.id`,
    )
    .all(row.id) as Array<{ id: string; startsAt: string }>;
}

/** What the recording rules need to know about a consent (shared/rules/recordings.ts). */
export function consentFacts(ctx: ServiceContext, row: ConsentRow): ConsentFacts {
  return {
    reference: formatRecordingConsentReference(row.reference_no),
    signedOn: row.signed_on,
    expiresOn: row.expires_on,
    destroyBy: row.destroy_by,
    withdrawnOn: row.withdrawn_on,
    caseId: row.case_id,
    sessionIds: sessionsCovered(ctx, row)?.map((session) => session.id) ?? null,
    uses: purposesOf(ctx, row.id),
  };
}

/** A client's consents, newest first. */
export function consentRowsOf(ctx: ServiceContext, clientId: string): ConsentRow[] {
  return ctx.db.prepare(`${SELECT_CONSENT} WHERE k.client_id = ? ORDER BY k.signed_on DESC, k.reference_no DESC`).all(clientId) as ConsentRow[];
}

function toRecord(ctx: ServiceContext, row: ConsentRow): RecordingConsentRecord {
  const kept = ctx.db
    .prepare(
      `SELECT count(*) FROM recording_subjects s JOIN recordings r ON r.id = s.recording_id
       WHERE s.consent_id = ? AND r.file_id IS NOT NULL`,
    )
    .pluck()
    .get(row.id) as number;
  return {
    id: row.id,
    reference: formatRecordingConsentReference(row.reference_no),
    client: clientRef(ctx.db, row.client_id),
    caseId: row.case_id,
    caseReference: formatCaseReference(row.case_reference_no),
    sessions: sessionsCovered(ctx, row),
    uses: purposesOf(ctx, row.id),
    otherUse: row.other_use,
    viewers: row.viewers,
    storage: row.storage,
    destructionMethod: row.destruction_method,
    destroyBy: row.destroy_by,
    signedOn: row.signed_on,
    expiresOn: row.expires_on,
    hasScan: row.scan_file_id !== null,
    withdrawnOn: row.withdrawn_on,
    status: consentStatus({ signedOn: row.signed_on, expiresOn: row.expires_on, destroyBy: row.destroy_by, withdrawnOn: row.withdrawn_on }, ctx.today()),
    recordedBy: row.recorded_by_name,
    recordedAt: row.created_at,
    recordingsKept: kept,
    can: { withdraw: row.withdrawn_on === null && mayRecordWithdrawal(actorOf(ctx), isClinicianFor(ctx, row.client_id)) },
  };
}

/** The cases of this client the user may record a consent for, each with the sessions the client was at. */
function coverableCases(ctx: ServiceContext, clientId: string): CoverableCase[] {
  const cases = ctx.db
    .prepare(
      `SELECT c.id, c.reference_no, c.kind, c.therapist_id, c.closed_on FROM cases c JOIN case_participants p ON p.case_id = c.id
       WHERE p.client_id = ? AND c.therapist_id = ? ORDER BY c.opened_on DESC, c.reference_no DESC`,
    )
    .all(clientId, ctx.user.id) as Array<{ id: string; reference_no: number; kind: CoverableCase['kind']; closed_on: string | null }>;
  const sessions = ctx.db.prepare(
    `SELECT s.id, s.starts_at AS startsAt FROM sessions s JOIN session_attendees a ON a.session_id = s.id
     WHERE s.case_id = ? AND a.client_id = ? ORDER BY s.starts_at, s.id`,
  );
  return cases
    .filter((kase) => recordingCapabilities(actorOf(ctx), { runsCase: true, open: kase.closed_on === null }).recordConsent)
    .map((kase) => ({
      caseId: kase.id,
      reference: formatCaseReference(kase.reference_no),
      kind: kase.kind,
      sessions: sessions.all(kase.id, clientId) as Array<{ id: string; startsAt: string }>,
    }));
}

export function listRecordingConsents(ctx: ServiceContext, clientId: string): { consents: RecordingConsentRecord[]; coverable: CoverableCase[] } {
  assertClientVisible(ctx, clientId);
  return { consents: consentRowsOf(ctx, clientId).map((row) => toRecord(ctx, row)), coverable: coverableCases(ctx, clientId) };
}

function findConsent(ctx: ServiceContext, consentId: string): ConsentRow {
  const row = ctx.db.prepare(`${SELECT_CONSENT} WHERE k.id = ?`).get(consentId) as ConsentRow | undefined;
  if (!row) throw notFound('That consent');
  // Another therapist's client's consent is "not found", as the client would be.
  try {
    assertClientVisible(ctx, row.client_id);
  } catch {
    throw notFound('That consent');
  }
  return row;
}

/** Each session must be one of this case's, with this client at it. */
function assertSessionsCovered(ctx: ServiceContext, clientId: string, caseId: string, sessionIds: readonly string[]): void {
  const fits = ctx.db.prepare(
    `SELECT 1 FROM sessions s JOIN session_attendees a ON a.session_id = s.id WHERE s.id = ? AND s.case_id = ? AND a.client_id = ?`,
  );
  for (const sessionId of sessionIds) {
    if (!fits.get(sessionId, caseId, clientId)) {
      throw invalidField('sessionIds', 'Every session a consent covers must be one of this case’s sessions that the client was at.');
    }
  }
}

export async function createRecordingConsent(ctx: ServiceContext, input: z.output<typeof newRecordingConsent>): Promise<RecordingConsentRecord> {
  assertClientVisible(ctx, input.clientId);
  const caseRow = findCase(ctx, input.caseId);
  const runsCase = caseRow.therapist_id === ctx.user.id;
  if (!runsCase || !ctx.user.is_therapist) throw forbidden("Only the case's therapist can record a client's consent to recording its sessions.");
  if (!recordingCapabilities(actorOf(ctx), { runsCase, open: caseRow.closed_on === null }).recordConsent) {
    throw conflict('This case is closed, so consents to recording cannot be added to it.');
  }
  const participant = ctx.db.prepare('SELECT 1 FROM case_participants WHERE case_id = ? AND client_id = ?').get(caseRow.id, input.clientId);
  if (!participant) throw invalidField('caseId', 'The client is not a participant in this case.');
  const sessionIds = input.sessionIds ? [...new Set(input.sessionIds)] : null;
  if (sessionIds) assertSessionsCovered(ctx, input.clientId, caseRow.id, sessionIds);
  const uses = RECORDING_USES.filter((use) => input.uses.includes(use));
  const other = otherUseProblem(uses, input.otherUse);
  if (other) throw invalidField('otherUse', other);
  const dates = consentDatesProblem({ signedOn: input.signedOn, expiresOn: input.expiresOn ?? null, destroyBy: input.destroyBy }, ctx.today());
  if (dates) throw invalidField(dates.field, dates.message);

  // Last, after every check: a refused consent reads no file. A failure after this leaves no file (settleFiles).
  const scan = input.scanPath === undefined ? null : await storeFile(ctx, ctx.blobs, input.scanPath, 'scan', 'scanPath');
  const id = randomUUID();
  const next = ctx.db.prepare('SELECT ifnull(max(reference_no), 0) + 1 FROM recording_consents').pluck().get() as number;
  ctx.db
    .prepare(
      `INSERT INTO recording_consents (id, reference_no, client_id, case_id, whole_case, other_use, viewers, storage, destruction_method,
         destroy_by, signed_on, expires_on, scan_file_id, recorded_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id, next, input.clientId, caseRow.id, sessionIds ? 0 : 1, uses.includes('other') ? input.otherUse!.trim() : null,
      input.viewers, input.storage, input.destructionMethod, input.destroyBy, input.signedOn, input.expiresOn ?? null,
      scan?.id ?? null, ctx.user.id, ctx.now(),
    );
  const addUse = ctx.db.prepare('INSERT INTO recording_consent_purposes (consent_id, purpose) VALUES (?, ?)');
  uses.forEach((use) => addUse.run(id, use));
  const addSession = ctx.db.prepare('INSERT INTO recording_consent_sessions (consent_id, session_id) VALUES (?, ?)');
  sessionIds?.forEach((sessionId) => addSession.run(id, sessionId));
  return toRecord(ctx, findConsent(ctx, id));
}

/**
 * Records a withdrawal and, in the same transaction, destroys every recording that relied on the consent:
 * the recording stays in the register as destroyed, its file's key is deleted (from the commit on, the file is
 * unreadable), and the dispatcher then removes the file. The retention issue's destruction run will take this
 * over; until then withdrawal destroys at once, as DESIGN.md §1.4 asks.
 */
export function withdrawConsent(ctx: ServiceContext, input: z.output<typeof withdrawRecordingConsent>): { consent: RecordingConsentRecord; destroyedRecordings: number } {
  const row = findConsent(ctx, input.consentId);
  if (!mayRecordWithdrawal(actorOf(ctx), isClinicianFor(ctx, row.client_id))) {
    throw forbidden('Only a practice director or the client’s therapist can record a withdrawal of consent.');
  }
  if (row.withdrawn_on !== null) throw conflict(`This consent was already withdrawn, on ${longDate(row.withdrawn_on)}.`);
  const problem = withdrawalDateProblem(input.withdrawnOn, row.signed_on, ctx.today());
  if (problem) throw invalidField('withdrawnOn', problem);
  const now = ctx.now();
  ctx.db
    .prepare('UPDATE recording_consents SET withdrawn_on = ?, withdrawal_recorded_by = ?, withdrawal_recorded_at = ? WHERE id = ?')
    .run(input.withdrawnOn, ctx.user.id, now, row.id);
  const relying = ctx.db
    .prepare(
      `SELECT r.id, r.file_id FROM recordings r JOIN recording_subjects s ON s.recording_id = r.id
       WHERE s.consent_id = ? AND r.file_id IS NOT NULL`,
    )
    .all(row.id) as Array<{ id: string; file_id: string }>;
  const destroy = ctx.db.prepare(
    `UPDATE recordings SET file_id = NULL, destroyed_at = ?, destroyed_because = 'consent-withdrawn' WHERE id = ?`,
  );
  for (const recording of relying) {
    destroy.run(now, recording.id);
    destroyFileKey(ctx, recording.file_id);
  }
  return { consent: toRecord(ctx, findConsent(ctx, row.id)), destroyedRecordings: relying.length };
}
