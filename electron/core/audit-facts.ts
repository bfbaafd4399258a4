import type { Contract, MethodName, MethodOutput, ParsedInput } from '../../shared/contract';
import type { AuditDetail } from './vault/audit';

/** Methods whose calls the dispatcher enters in the audit log (their contract entry says `view` or `change`). */
export type AuditedMethod = {
  [M in MethodName]: Contract[M]['audit']['kind'] extends 'view' | 'change' ? M : never;
}[MethodName];

/**
 * For each audited method: which record an entry is about (from the input, so a refused attempt names it
 * too), and the counts worth keeping from a successful call. Ids and counts only — never names or content.
 * A method missing here does not compile.
 */
export interface AuditFacts<M extends AuditedMethod> {
  target?(input: ParsedInput<M>, output: MethodOutput<M> | null): string | null;
  detail?(input: ParsedInput<M>, output: MethodOutput<M>): AuditDetail;
  /** A call deliberately left out, with the reason in a comment beside it. */
  skip?(input: ParsedInput<M>): boolean;
}

export const auditFacts: { [M in AuditedMethod]: AuditFacts<M> } = {
  'vault.pendingRecoveryCode': { detail: (_input, output) => ({ pending: output.pending !== null }) },
  'vault.confirmRecoveryCode': {},
  'vault.verify': { detail: (_input, output) => ({ ok: output.ok }) },
  'settings.update': { detail: (input) => ({ autoLockMinutes: input.autoLockMinutes }) },
  'clients.list': { detail: (_input, output) => ({ count: output.clients.length }) },
  'clients.create': { target: (_input, output) => output?.id ?? null },
  'clients.update': {
    target: (input) => input.clientId,
    detail: (input) => (input.equalityWithdrawn ? { equalityWithdrawn: true } : {}),
  },
  'clients.get': { target: (input) => input.clientId },
  'clients.openFile': {
    target: (input) => input.clientId,
    // The same counts the separate list calls enter; no note count where the notes were not read.
    detail: (_input, output) => ({
      cases: output.cases.length,
      sessions: output.sessions.length,
      ...(output.notes === null ? {} : { notes: output.notes.length }),
    }),
  },
  'cases.list': { target: (input) => input.clientId, detail: (_input, output) => ({ count: output.cases.length }) },
  'cases.create': {
    target: (_input, output) => output?.id ?? null,
    detail: (_input, output) => ({ participants: output.participants.length }),
  },
  'cases.close': { target: (input) => input.caseId },
  'sessions.list': { target: (input) => input.clientId, detail: (_input, output) => ({ count: output.sessions.length }) },
  'sessions.update': {
    target: (input) => input.sessionId,
    // Which fields were corrected, never their values (the history keeps those, inside the vault).
    detail: (input) => ({ fields: Object.keys(input).filter((key) => key !== 'sessionId' && key !== 'reason').sort().join(',') }),
  },
  'sessions.create': {
    target: (_input, output) => output?.id ?? null,
    detail: (_input, output) => ({ attendees: output.attendees.length }),
  },
  'notes.list': { target: (input) => input.clientId, detail: (_input, output) => ({ count: output.notes.length }) },
  'notes.get': { target: (input) => input.noteId },
  'notes.saveDraft': {
    target: (input, output) => output?.noteId ?? input.noteId ?? null,
    // Keystroke autosaves of an existing draft are not entered (a note would add dozens of entries); the
    // draft's creation and its finalisation are.
    skip: (input) => input.noteId !== undefined,
  },
  'notes.finalise': { target: (input) => input.noteId },
  'notes.amend': { target: (input) => input.noteId },
  'notes.addClientComment': { target: (input) => input.noteId },
  'search.query': { target: (input) => input.clientId ?? null, detail: (_input, output) => ({ hits: output.hits.length }) },
  'references.resolve': { target: (_input, output) => output?.id ?? null },
  'audit.list': { detail: (_input, output) => ({ entries: output.entries.length }) },
  'users.list': {},
  'practice.update': { detail: (input) => ({ addressLines: input.addressLines.length }) },
  'releaseConsents.create': {
    target: (input) => input.clientId,
    detail: (input) => ({ releases: input.releases ?? 'attendance', scan: input.scanPath !== undefined && input.scanPath !== '' }),
  },
  'releaseConsents.list': { target: (input) => input.clientId, detail: (_input, output) => ({ count: output.consents.length }) },
  'releaseConsents.withdraw': { target: (input) => input.consentId },
  'attendance.preview': { target: (input) => input.clientId, detail: (_input, output) => ({ missing: output.missing.length }) },
  'attendance.export': {
    target: (input) => input.clientId,
    // Counts and the disclosure's reference; the dates, the recipient and the digests are in the disclosure log.
    detail: (_input, output) => ({
      disclosure: output.disclosure.reference,
      attended: output.disclosure.attendance?.sessionsAttended ?? 0,
      consents: output.disclosure.consents.length,
      files: output.files.length,
    }),
  },
  'disclosures.list': { target: (input) => input.clientId ?? null, detail: (_input, output) => ({ count: output.disclosures.length }) },
  'recordingConsents.create': {
    target: (input, output) => output?.id ?? input.clientId,
    detail: (input, output) => ({ uses: output.uses.length, wholeCase: input.sessionIds === undefined, scan: output.hasScan }),
  },
  'recordingConsents.list': { target: (input) => input.clientId, detail: (_input, output) => ({ count: output.consents.length }) },
  'recordingConsents.withdraw': {
    target: (input) => input.consentId,
    detail: (_input, output) => ({ recordingsDestroyed: output.destroyedRecordings }),
  },
  'recordings.attach': {
    target: (input, output) => output?.id ?? input.sessionId,
    detail: (_input, output) => ({ subjects: output.subjects.length, uses: output.uses.length }),
  },
  'recordings.list': { target: (input) => input.clientId ?? null, detail: (_input, output) => ({ count: output.recordings.length }) },
  'recordings.get': { target: (input) => input.recordingId },
  'recordings.verify': { target: (input) => input.recordingId },
  'retention.purgePreview': { detail: (_input, output) => ({ clients: output.totals.clients, blocked: output.blocked.length, fieldGroups: output.fieldGroups.length }) },
  'retention.register': { target: (_input, output) => output?.runId ?? null, detail: (_input, output) => ({ runs: output.runs.length, entries: output.entries.length }) },
  'retention.certificate': { target: (input) => input.runId, detail: (_input, output) => ({ bytes: output.bytes }) },
  'retention.previewRules': { detail: (_input, output) => ({ moved: output.moved }) },
  'retention.updateRules': {
    detail: (input, output) => ({ years: input.rules.clientRecords.years, minorsUntil: input.rules.minors.enabled ? input.rules.minors.untilAge : 0, moved: output.change.moved }),
  },
  // Whether names were shown is the point of this entry: a view of names is a view of who is due.
  'retention.overview': {
    detail: (input, output) => ({ withNames: input.withNames === true, dueNow: output.dueNow.length, dueSoon: output.dueSoon.length, onHold: output.onHold.length, fieldGroupsDueNow: output.fieldGroupsDueNow.length }),
  },
  'retention.clientDue': { target: (input) => input.clientId },
  'retention.markEnteredInError': {
    target: (input) => input.clientId ?? input.sessionId ?? null,
    detail: (input) => ({ what: input.clientId !== undefined ? 'client' : 'session' }),
  },
  'holds.place': { target: (input) => input.clientId ?? input.caseId ?? null, detail: (input, output) => ({ kind: input.kind, hold: output.id }) },
  'holds.release': { target: (input) => input.holdId },
  'holds.list': { target: (input) => input.clientId ?? null, detail: (_input, output) => ({ count: output.holds.length }) },
};
