import { z } from 'zod';
import * as r from './records';
import * as s from './schemas';
import { parseReference } from './client-reference';

/**
 * The one contract: every method any door (Electron IPC, CLI, tests) may call, with its input and output.
 * `access` says whether the method needs an unlocked vault; roles are checked by the handlers.
 */
const empty = z.strictObject({});

export const contract = {
  'vault.status': { access: 'any', input: empty, output: s.vaultStatus },
  'vault.create': {
    access: 'any',
    input: z.strictObject({ practiceName: s.practiceName, userName: s.personName, passphrase: s.passphrase }),
    output: z.strictObject({ recoveryCode: z.string(), issuedAt: s.isoDateTime, user: s.user }),
  },
  'vault.unlock': {
    access: 'any',
    // Without a name, the passphrase alone says who is unlocking (a sole practitioner, the CLI's verify).
    input: z.strictObject({ userName: s.personName.optional(), passphrase: s.enteredPassphrase }),
    output: z.strictObject({ user: s.user }),
  },
  'vault.recover': {
    access: 'any',
    input: z.strictObject({ userName: s.personName, recoveryCode: s.recoveryCode, newPassphrase: s.passphrase }),
    output: z.strictObject({ user: s.user }),
  },
  'vault.lock': { access: 'any', input: empty, output: empty },
  'vault.changePassphrase': {
    access: 'unlocked',
    input: z.strictObject({ currentPassphrase: s.enteredPassphrase, newPassphrase: s.passphrase }),
    output: empty,
  },
  'vault.newRecoveryCode': {
    access: 'unlocked',
    input: z.strictObject({ currentPassphrase: s.enteredPassphrase }),
    output: z.strictObject({ recoveryCode: z.string(), issuedAt: s.isoDateTime }),
  },
  /** A recovery code not yet confirmed as written down, kept in the vault so no lock can lose it. Directors only. */
  'vault.pendingRecoveryCode': {
    access: 'unlocked',
    input: empty,
    output: z.strictObject({ pending: s.pendingRecoveryCode.nullable() }),
  },
  'vault.confirmRecoveryCode': { access: 'unlocked', input: empty, output: empty },
  /** The core's clock: the one source of "now" and "today" for every door. */
  'clock.now': { access: 'any', input: empty, output: z.strictObject({ now: s.isoDateTime, today: s.isoDate }) },
  'vault.verify': { access: 'unlocked', input: empty, output: s.auditReport },
  'settings.get': {
    access: 'unlocked',
    input: empty,
    output: z.strictObject({ autoLockMinutes: s.autoLockMinutes }),
  },
  'settings.update': {
    access: 'unlocked',
    input: z.strictObject({ autoLockMinutes: s.autoLockMinutes }),
    output: z.strictObject({ autoLockMinutes: s.autoLockMinutes }),
  },
  'clients.list': {
    access: 'unlocked',
    input: z.strictObject({
      query: z.string().trim().max(200).optional(),
      status: z.enum(['active', 'closed', 'all']).optional(),
    }),
    output: z.strictObject({ clients: z.array(s.clientSummary) }),
  },
  'clients.create': {
    access: 'unlocked',
    input: z.strictObject({ ...s.clientIdentityFields, ...r.clientDetailsFields }),
    output: s.clientDetail,
  },
  'clients.update': {
    access: 'unlocked',
    input: z.strictObject({
      clientId: s.id,
      ...s.clientIdentityFields,
      ...r.clientDetailsFields,
      name: s.personName.optional(),
      /** The client withdrew consent to equality monitoring: the data is deleted. */
      equalityWithdrawn: z.literal(true).optional(),
    }),
    output: s.clientDetail,
  },
  'clients.get': { access: 'unlocked', input: z.strictObject({ clientId: s.id }), output: s.clientDetail },
  'cases.list': {
    access: 'unlocked',
    input: z.strictObject({ clientId: s.id }),
    output: z.strictObject({ cases: z.array(r.caseRecord) }),
  },
  'cases.create': { access: 'unlocked', input: r.newCase, output: r.caseRecord },
  'cases.close': {
    access: 'unlocked',
    input: z.strictObject({ caseId: s.id, closedOn: r.recordDate }),
    output: r.caseRecord,
  },
  'sessions.list': {
    access: 'unlocked',
    input: z.strictObject({ clientId: s.id }),
    output: z.strictObject({ sessions: z.array(r.sessionRecord) }),
  },
  'sessions.create': { access: 'unlocked', input: r.newSession, output: r.sessionRecord },
  'notes.list': {
    access: 'unlocked',
    input: z.strictObject({ clientId: s.id }),
    output: z.strictObject({ notes: z.array(r.noteRecord) }),
  },
  /** A note is always read in one client's file (`clientId`): the subject-set rule shapes what is shown. */
  'notes.get': { access: 'unlocked', input: r.noteInFile, output: r.noteRecord },
  'notes.saveDraft': {
    access: 'unlocked',
    input: z.strictObject({ about: r.noteAbout, noteId: s.id.optional(), body: s.noteBody }),
    output: z.strictObject({ noteId: s.id, savedAt: s.isoDateTime }),
  },
  'notes.finalise': { access: 'unlocked', input: r.noteInFile, output: r.noteRecord },
  'notes.amend': { access: 'unlocked', input: r.amendInput, output: r.noteRecord },
  'notes.addClientComment': { access: 'unlocked', input: r.clientCommentInput, output: r.noteRecord },
  'search.query': {
    access: 'unlocked',
    input: z.strictObject({
      text: z.string().trim().min(1, 'Type something to search for').max(200),
      clientId: s.id.optional(),
    }),
    output: z.strictObject({ hits: z.array(r.searchHit) }),
  },
  'references.resolve': {
    access: 'unlocked',
    // The CLI takes the references people see (C-0001, K-0001) wherever an id is taken, and turns them into
    // ids here, under the same visibility rules as the id itself.
    input: z.strictObject({
      reference: z.string().max(20, 'A reference is short, like C-0001').refine((value) => parseReference(value) !== null, {
        message: 'Write a reference like C-0001 (a client) or K-0001 (a case)',
      }),
    }),
    output: z.strictObject({ kind: z.enum(['client', 'case']), id: s.id, reference: z.string() }),
  },
  /** Directors only: newest first, 200 at a time; entries carry ids, references and counts, never content. */
  'audit.list': {
    access: 'unlocked',
    input: s.auditLogQuery,
    output: z.strictObject({ entries: z.array(s.auditLogEntry), more: z.boolean() }),
  },
  'users.list': { access: 'unlocked', input: empty, output: z.strictObject({ users: z.array(s.user) }) },
  'users.create': {
    access: 'unlocked',
    input: r.newUser.extend({ passphrase: s.passphrase }),
    output: s.user,
  },
} as const satisfies Record<string, MethodSpec>;

export interface MethodSpec {
  access: 'any' | 'unlocked';
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
