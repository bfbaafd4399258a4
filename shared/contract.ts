import { z } from 'zod';
import { choice, fields as input } from './fields';
import * as r from './records';
import * as s from './schemas';
import { text } from './text';

/**
 * The one contract: every method any door (Electron IPC, CLI, tests) may call, with its input and output.
 * `access` says whether the method needs an unlocked vault; roles are checked by the handlers.
 */
const empty = input({});

export const contract = {
  'vault.status': { access: 'any', input: empty, output: s.vaultStatus },
  'vault.create': {
    access: 'any',
    input: input({ practiceName: s.practiceName, userName: s.personName, passphrase: s.passphrase }),
    output: z.strictObject({ recoveryCode: z.string(), user: s.user }),
  },
  'vault.unlock': {
    access: 'any',
    // Without a name, the passphrase alone says who is unlocking (a sole practitioner, the CLI's verify).
    input: input({ userName: s.personName.optional(), passphrase: s.enteredPassphrase }),
    output: z.strictObject({ user: s.user }),
  },
  'vault.recover': {
    access: 'any',
    input: input({ userName: s.personName, recoveryCode: s.recoveryCode, newPassphrase: s.passphrase }),
    output: z.strictObject({ user: s.user }),
  },
  'vault.lock': { access: 'any', input: empty, output: empty },
  'vault.changePassphrase': {
    access: 'unlocked',
    input: input({ currentPassphrase: s.enteredPassphrase, newPassphrase: s.passphrase }),
    output: empty,
  },
  'vault.newRecoveryCode': {
    access: 'unlocked',
    input: input({ currentPassphrase: s.enteredPassphrase }),
    output: z.strictObject({ recoveryCode: z.string() }),
  },
  'vault.verify': { access: 'unlocked', input: empty, output: s.auditReport },
  'settings.get': {
    access: 'unlocked',
    input: empty,
    output: z.strictObject({ autoLockMinutes: s.autoLockMinutes }),
  },
  'settings.update': {
    access: 'unlocked',
    input: input({ autoLockMinutes: s.autoLockMinutes }),
    output: z.strictObject({ autoLockMinutes: s.autoLockMinutes }),
  },
  'clients.list': {
    access: 'unlocked',
    input: input({
      query: text('Search text', { max: 200, kind: 'line' }).optional(),
      status: choice('Status', ['active', 'closed', 'all']).optional(),
    }),
    output: z.strictObject({ clients: z.array(s.clientSummary) }),
  },
  'clients.create': {
    access: 'unlocked',
    input: input({ ...s.clientIdentityFields, ...r.clientDetailsFields }),
    output: s.clientDetail,
  },
  'clients.update': {
    access: 'unlocked',
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
  'clients.get': { access: 'unlocked', input: input({ clientId: r.clientId }), output: s.clientDetail },
  'cases.list': {
    access: 'unlocked',
    input: input({ clientId: r.clientId }),
    output: z.strictObject({ cases: z.array(r.caseRecord) }),
  },
  'cases.create': { access: 'unlocked', input: r.newCase, output: r.caseRecord },
  'cases.close': {
    access: 'unlocked',
    input: r.closeCaseInput,
    output: r.caseRecord,
  },
  'sessions.list': {
    access: 'unlocked',
    input: input({ clientId: r.clientId }),
    output: z.strictObject({ sessions: z.array(r.sessionRecord) }),
  },
  'sessions.create': { access: 'unlocked', input: r.newSession, output: r.sessionRecord },
  /** Corrects a session recorded wrongly; what it replaces is kept as the session's history. */
  'sessions.update': { access: 'unlocked', input: r.sessionCorrectionInput, output: r.sessionRecord },
  'notes.list': {
    access: 'unlocked',
    input: input({ clientId: r.clientId }),
    output: z.strictObject({ notes: z.array(r.noteRecord) }),
  },
  'notes.get': { access: 'unlocked', input: input({ noteId: r.noteId }), output: r.noteRecord },
  'notes.saveDraft': {
    access: 'unlocked',
    input: r.saveDraftInput,
    output: z.strictObject({ noteId: s.id, savedAt: s.isoDateTime }),
  },
  'notes.finalise': { access: 'unlocked', input: input({ noteId: r.noteId }), output: r.noteRecord },
  'notes.amend': { access: 'unlocked', input: r.amendInput, output: r.noteRecord },
  'notes.addClientComment': { access: 'unlocked', input: r.clientCommentInput, output: r.noteRecord },
  'search.query': {
    access: 'unlocked',
    input: r.searchInput,
    output: z.strictObject({ hits: z.array(r.searchHit) }),
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
