import { z } from 'zod';
import { choice, fields as input } from './fields';
import * as r from './records';
import * as s from './schemas';
import * as rel from './release';
import * as rec from './recordings';
import * as purge from './purge';
import * as ret from './retention';
import { text } from './text';
import { parseReference } from './client-reference';
import { batchedAudit, changeAudit, keyChangeAudit, lifecycleAudit, noAudit, viewAudit, type AuditSpec } from './audit-actions';

/**
 * The one contract: every method any door (Electron IPC, CLI, tests) may call, with its input and output.
 * `access` says whether the method needs an unlocked vault; roles are checked by the handlers.
 */
const empty = input({});

export const contract = {
  'vault.status': { access: 'any', audit: noAudit('Says only whether the vault is locked and who is signed in; reads no record.'), input: empty, output: s.vaultStatus },
  'vault.create': {
    access: 'any', audit: lifecycleAudit('vault.create', 'Entered by the vault as it is made, the first entry of its chain.'),
    input: input({ practiceName: s.practiceName, userName: s.personName, passphrase: s.passphrase }),
    output: z.strictObject({ recoveryCode: z.string(), issuedAt: s.isoDateTime, user: s.user }),
  },
  'vault.unlock': {
    access: 'any', audit: lifecycleAudit('vault.unlock', 'Entered by the vault as it opens, with the failed attempts before it; a failed unlock cannot be written until a key opens the vault.'),
    // Without a name, the passphrase alone says who is unlocking (a sole practitioner, the CLI's verify).
    input: input({ userName: s.personName.optional(), passphrase: s.enteredPassphrase }),
    output: z.strictObject({ user: s.user }),
  },
  'vault.recover': {
    access: 'any', audit: lifecycleAudit('vault.unlock.recovery-code', 'Entered by the vault as it opens with the recovery code.'),
    input: input({ userName: s.personName, recoveryCode: s.recoveryCode, newPassphrase: s.passphrase }),
    output: z.strictObject({ user: s.user }),
  },
  'vault.lock': { access: 'any', audit: lifecycleAudit('vault.lock', 'Entered by the vault for every lock, whatever its cause (idle, suspend, quit, the button).'), input: empty, output: empty },
  'vault.changePassphrase': {
    access: 'unlocked', audit: keyChangeAudit('vault.passphrase.change', 'Entered by the vault layer with the key change itself (intent, vault.keys, entry), settled at the next unlock if cut short.'),
    input: input({ currentPassphrase: s.enteredPassphrase, newPassphrase: s.passphrase }),
    output: empty,
  },
  'vault.newRecoveryCode': {
    access: 'unlocked', audit: keyChangeAudit('vault.recovery-code.replace', 'Entered by the vault layer with the key change itself (intent, vault.keys, entry), settled at the next unlock if cut short.'),
    input: input({ currentPassphrase: s.enteredPassphrase }),
    output: z.strictObject({ recoveryCode: z.string(), issuedAt: s.isoDateTime }),
  },
  /** A recovery code not yet confirmed as written down, kept in the vault so no lock can lose it. Directors only. */
  'vault.pendingRecoveryCode': {
    access: 'unlocked', audit: viewAudit('vault.recovery-code.view'),
    input: empty,
    output: z.strictObject({ pending: s.pendingRecoveryCode.nullable() }),
  },
  'vault.confirmRecoveryCode': { access: 'unlocked', audit: changeAudit('vault.recovery-code.confirm'), input: empty, output: empty },
  /** The core's clock: the one source of "now" and "today" for every door. */
  'clock.now': { access: 'any', audit: noAudit('Tells the time; reads nothing from the vault.'), input: empty, output: z.strictObject({ now: s.isoDateTime, today: s.isoDate }) },
  'vault.verify': { access: 'unlocked', audit: viewAudit('vault.verify'), input: empty, output: s.auditReport },
  'settings.get': {
    access: 'unlocked', audit: noAudit('Practice settings hold no personal data, and the shell reads them after calls to keep auto-lock in step.'),
    input: empty,
    output: z.strictObject({ autoLockMinutes: s.autoLockMinutes }),
  },
  'settings.update': {
    access: 'unlocked', audit: changeAudit('settings.update'),
    input: input({ autoLockMinutes: s.autoLockMinutes }),
    output: z.strictObject({ autoLockMinutes: s.autoLockMinutes }),
  },
  'clients.list': {
    access: 'unlocked', audit: viewAudit('client.list'),
    input: input({
      query: text('Search text', { max: 200, kind: 'line' }).optional(),
      status: choice('Status', ['active', 'closed', 'all']).optional(),
    }),
    output: z.strictObject({ clients: z.array(s.clientSummary) }),
  },
  'clients.create': {
    access: 'unlocked', audit: changeAudit('client.create'),
    input: input({ ...s.clientIdentityFields, ...r.clientDetailsFields }),
    output: s.clientDetail,
  },
  'clients.update': {
    access: 'unlocked', audit: changeAudit('client.update'),
    input: input({
      clientId: r.clientId,
      ...s.clientIdentityFields,
      ...r.clientDetailsFields,
      name: s.personName.optional(),
      /** The client withdrew consent to equality monitoring: the data is deleted. */
      equalityWithdrawn: z.literal(true, { error: 'equalityWithdrawn can only be true (the client withdrew consent)' }).optional(),
    }),
    output: s.clientDetail,
  },
  'clients.get': { access: 'unlocked', audit: viewAudit('client.view'), input: input({ clientId: r.clientId }), output: s.clientDetail },
  /**
   * A client file as its screen opens it, in one call and one audit entry: what `clients.get`, `cases.list`,
   * `sessions.list` and `notes.list` return, by the same rules. `notes` is null where the user may not read them.
   */
  'clients.openFile': {
    access: 'unlocked', audit: viewAudit('client.file.view'),
    input: input({ clientId: r.clientId }),
    output: z.strictObject({
      client: s.clientDetail,
      cases: z.array(r.caseRecord),
      sessions: z.array(r.sessionRecord),
      notes: z.array(r.noteRecord).nullable(),
    }),
  },
  'cases.list': {
    access: 'unlocked', audit: viewAudit('case.list'),
    input: input({ clientId: r.clientId }),
    output: z.strictObject({ cases: z.array(r.caseRecord) }),
  },
  'cases.create': { access: 'unlocked', audit: changeAudit('case.create'), input: r.newCase, output: r.caseRecord },
  'cases.close': {
    access: 'unlocked', audit: changeAudit('case.close'),
    input: r.closeCaseInput,
    output: r.caseRecord,
  },
  'sessions.list': {
    access: 'unlocked', audit: viewAudit('session.list'),
    input: input({ clientId: r.clientId }),
    output: z.strictObject({ sessions: z.array(r.sessionRecord) }),
  },
  'sessions.create': { access: 'unlocked', audit: changeAudit('session.create'), input: r.newSession, output: r.sessionRecord },
  /** Corrects a session recorded wrongly; what it replaces is kept as the session's history. */
  'sessions.update': { access: 'unlocked', audit: changeAudit('session.correct'), input: r.sessionCorrectionInput, output: r.sessionRecord },
  'notes.list': {
    access: 'unlocked', audit: viewAudit('notes.view'),
    input: input({ clientId: r.clientId }),
    output: z.strictObject({ notes: z.array(r.noteRecord) }),
  },
  /** A note is always read in one client's file (`clientId`): the subject-set rule shapes what is shown. */
  'notes.get': { access: 'unlocked', audit: viewAudit('note.view'), input: r.noteInFile, output: r.noteRecord },
  'notes.saveDraft': {
    access: 'unlocked', audit: changeAudit('note.draft.create'),
    input: r.saveDraftInput,
    output: z.strictObject({ noteId: s.id, savedAt: s.isoDateTime }),
  },
  'notes.finalise': { access: 'unlocked', audit: changeAudit('note.finalise'), input: r.noteInFile, output: r.noteRecord },
  'notes.amend': { access: 'unlocked', audit: changeAudit('note.amend'), input: r.amendInput, output: r.noteRecord },
  'notes.addClientComment': { access: 'unlocked', audit: changeAudit('note.client-comment'), input: r.clientCommentInput, output: r.noteRecord },
  'search.query': {
    access: 'unlocked', audit: viewAudit('search'),
    input: r.searchInput,
    output: z.strictObject({ hits: z.array(r.searchHit) }),
  },
  'references.resolve': {
    access: 'unlocked', audit: viewAudit('reference.resolve'),
    // The CLI takes the references people see (C-0001, K-0001) wherever an id is taken, and turns them into
    // ids here, under the same visibility rules as the id itself.
    input: input({
      reference: text('Reference', { max: 20, kind: 'line', required: 'Reference is required' }).refine(
        (value) => parseReference(value) !== null,
        { message: 'Write a reference like C-0001 (a client) or K-0001 (a case)' },
      ),
    }),
    output: z.strictObject({ kind: z.enum(['client', 'case']), id: s.id, reference: z.string() }),
  },
  /** Directors only: newest first, 200 at a time; entries carry ids, references and counts, never content. */
  'audit.list': {
    access: 'unlocked', audit: viewAudit('audit.view'),
    input: s.auditLogQuery,
    output: z.strictObject({ entries: z.array(s.auditLogEntry), more: z.boolean() }),
  },
  'users.list': { access: 'unlocked', audit: viewAudit('users.view'), input: empty, output: z.strictObject({ users: z.array(s.user) }) },
  'users.create': {
    access: 'unlocked', audit: keyChangeAudit('user.create', 'Entered by the vault layer with the key change itself (intent, vault.keys, entry), settled at the next unlock if cut short.'),
    input: r.newUser.extend({ passphrase: s.passphrase }),
    output: s.user,
  },
  /** The practice's letterhead and signatory, for the letters it sends (the attendance summary). */
  'practice.get': {
    access: 'unlocked', audit: noAudit('The letterhead is the practice’s own address and signatory; no client’s record is read.'),
    input: empty,
    output: rel.practiceLetterhead,
  },
  'practice.update': { access: 'unlocked', audit: changeAudit('practice.update'), input: input(rel.letterheadFields), output: rel.practiceLetterhead },
  /** A client's written consent to release information to a third party (DESIGN.md §1.3). */
  'releaseConsents.create': { access: 'unlocked', audit: changeAudit('release-consent.create'), input: rel.newReleaseConsent, output: rel.releaseConsentRecord },
  'releaseConsents.list': {
    access: 'unlocked', audit: viewAudit('release-consent.list'),
    input: input({ clientId: r.clientId }),
    output: z.strictObject({ consents: z.array(rel.releaseConsentRecord) }),
  },
  'releaseConsents.withdraw': { access: 'unlocked', audit: changeAudit('release-consent.withdraw'), input: rel.withdrawReleaseConsent, output: rel.releaseConsentRecord },
  /** Exactly what an attendance summary would release, or which consents are missing for it. */
  'attendance.preview': { access: 'unlocked', audit: viewAudit('attendance.preview'), input: rel.attendanceRequest, output: rel.attendancePreview },
  /** Writes the letter (PDF) and CSV to the folder given and enters the release in the disclosure log. */
  'attendance.export': { access: 'unlocked', audit: changeAudit('attendance.export'), input: rel.attendanceExportRequest, output: rel.attendanceExport },
  /** Directors: the practice's disclosure log; a therapist: disclosures about their own caseload. */
  'disclosures.list': {
    access: 'unlocked', audit: viewAudit('disclosure.list'),
    input: rel.disclosureQuery,
    output: z.strictObject({ disclosures: z.array(rel.disclosureRecord) }),
  },
  /** A client's written consent to recording (one client each: a joint session needs every attendee's own). */
  'recordingConsents.create': { access: 'unlocked', audit: changeAudit('recording-consent.create'), input: rec.newRecordingConsent, output: rec.recordingConsentRecord },
  'recordingConsents.list': { access: 'unlocked', audit: viewAudit('recording-consent.list'), input: input({ clientId: r.clientId }), output: rec.recordingConsentList },
  /** Withdrawal destroys at once every recording that relied on the consent (its key, then its file). */
  'recordingConsents.withdraw': {
    access: 'unlocked', audit: changeAudit('recording-consent.withdraw'),
    input: rec.withdrawRecordingConsent,
    output: z.strictObject({ consent: rec.recordingConsentRecord, destroyedRecordings: z.number().int() }),
  },
  /** Refused unless every attendee has a consent in force covering the session and every use. */
  'recordings.attach': { access: 'unlocked', audit: changeAudit('recording.attach'), input: rec.attachRecording, output: rec.recordingRecord },
  /** Without `clientId`: the register of recordings this user may see; with it: the recordings in that client's file. */
  'recordings.list': { access: 'unlocked', audit: viewAudit('recording.list'), input: input({ clientId: r.clientId.optional() }), output: rec.recordingList },
  'recordings.get': { access: 'unlocked', audit: viewAudit('recording.view'), input: input({ recordingId: rec.recordingId }), output: rec.recordingRecord },
  /** Decrypts the whole file to say whether it is intact (after playback failed); the damage error names the recording. */
  'recordings.verify': { access: 'unlocked', audit: viewAudit('recording.verify'), input: input({ recordingId: rec.recordingId }), output: z.strictObject({ intact: z.literal(true) }) },
  /** Directors: what a purge would destroy now (references, date ranges, counts) and who is blocked, with why. */
  'retention.purgePreview': { access: 'unlocked', audit: viewAudit('retention.purge.preview'), input: empty, output: purge.purgePreview },
  /** Directors, with their passphrase: destroys the list the preview showed, with progress; returns the run and its certificate. */
  'retention.purge': {
    access: 'unlocked',
    audit: batchedAudit(
      'retention.purge',
      'Clients are destroyed in batches so the vault stays usable; each batch enters every client it destroyed (and the run its start and end) in the same transaction, so a purge stopped part-way leaves exactly what it did entered.',
    ),
    input: purge.purgeInput,
    output: purge.purgeResult,
  },
  /** Directors: the destruction runs, and the register entries of one (the latest by default). */
  'retention.register': { access: 'unlocked', audit: viewAudit('retention.register.view'), input: purge.registerQuery, output: purge.destructionRegister },
  /** Directors: a run's destruction certificate as a PDF in a chosen folder (outside the vault). */
  'retention.certificate': { access: 'unlocked', audit: changeAudit('retention.certificate'), input: purge.certificateRequest, output: purge.savedCertificate },
  /** The practice's retention rules, each with its plain-English explanation. */
  'retention.rules': {
    access: 'unlocked', audit: noAudit('The retention rules are the practice’s own settings; no client’s record is read.'),
    input: empty,
    output: ret.rulesWithWords,
  },
  /** What a proposed change to the rules would do today (how many clients' due dates move), before it is saved. Directors only. */
  'retention.previewRules': { access: 'unlocked', audit: viewAudit('retention.rules.preview'), input: input({ rules: ret.retentionRules }), output: ret.rulesChange },
  /** Directors only; says how many clients' due dates moved. */
  'retention.updateRules': {
    access: 'unlocked', audit: changeAudit('retention.rules.update'),
    input: input({ rules: ret.retentionRules }),
    output: ret.rulesWithWords.extend({ change: ret.rulesChange }),
  },
  /** The retention dashboard (directors): due now, due soon, on hold, by reference; names only with `withNames` (audited). */
  'retention.overview': {
    access: 'unlocked', audit: viewAudit('retention.overview'),
    input: input({ withNames: z.boolean({ error: 'withNames must be true or false' }).optional() }),
    output: ret.retentionOverview,
  },
  /** One client's due date with its reason, what stops it, and the holds on them (the client file). */
  'retention.clientDue': { access: 'unlocked', audit: viewAudit('retention.client-due'), input: input({ clientId: r.clientId }), output: ret.clientDueInFile },
  /** Directors: a duplicate client or a session recorded on the wrong client, destroyed early by the next purge. */
  'retention.markEnteredInError': { access: 'unlocked', audit: changeAudit('retention.entered-in-error'), input: ret.markEnteredInErrorInput, output: ret.enteredInErrorRecord },
  /** Directors: a legal hold (court, coroner, complaint, investigation) on a client or a case stops their destruction. */
  'holds.place': { access: 'unlocked', audit: changeAudit('hold.place'), input: ret.placeHoldInput, output: ret.legalHold },
  'holds.release': { access: 'unlocked', audit: changeAudit('hold.release'), input: input({ holdId: ret.holdId }), output: ret.legalHold },
  /** Without `clientId`: the practice's holds (directors); with it: the holds bearing on that client. */
  'holds.list': {
    access: 'unlocked', audit: viewAudit('hold.list'),
    input: input({ clientId: r.clientId.optional(), includeReleased: z.boolean({ error: 'includeReleased must be true or false' }).optional() }),
    output: z.strictObject({ holds: z.array(ret.legalHold) }),
  },
} as const satisfies Record<string, MethodSpec>;

export interface MethodSpec {
  access: 'any' | 'unlocked';
  /** What the audit log records for this method (see AuditSpec); the dispatcher writes it. */
  audit: AuditSpec;
  input: z.ZodType;
  output: z.ZodType;
}

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}
