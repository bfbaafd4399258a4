/**
 * Every action the audit log records, with the words the Audit log screen shows for it. Entries carry ids,
 * counts and these names only — never names of people or record content.
 */
export const auditActionLabels = {
  'vault.create': 'Created the vault',
  'vault.unlock': 'Unlocked the vault',
  'vault.unlock.failed': 'Failed unlock attempt',
  'vault.unlock.recovery-code': 'Unlocked with the recovery code',
  'vault.lock': 'Locked the vault',
  'vault.passphrase.change': 'Changed their passphrase',
  'vault.recovery-code.replace': 'Made a new recovery code',
  'vault.recovery-code.confirm': 'Confirmed the recovery code is kept',
  'vault.verify': 'Checked the vault',
  'settings.update': 'Changed settings',
  'user.create': 'Added a user',
  'client.create': 'Added a client',
  'client.update': 'Changed client details',
  'client.equality.withdrawn': 'Recorded withdrawal of equality-monitoring consent',
  'client.view': 'Opened a client file',
  'client.file.view': 'Opened a client file with its cases, sessions and readable notes',
  'client.list': 'Listed clients',
  'case.create': 'Opened a case',
  'case.close': 'Closed a case',
  'case.list': 'Listed a client’s cases',
  'session.list': 'Listed a client’s sessions',
  'session.create': 'Recorded a session',
  'notes.view': 'Read a client’s notes',
  'note.view': 'Read a note',
  'note.draft.create': 'Started a note',
  'note.finalise': 'Finalised a note',
  'note.amend': 'Amended a note',
  'note.client-comment': 'Recorded a client’s comment on a note',
  'session.correct': 'Corrected a session',
  search: 'Searched',
  'reference.resolve': 'Looked up a reference',
  'users.view': 'Listed the users',
  'vault.recovery-code.view': 'Was shown the pending recovery code',
  'audit.view': 'Read the audit log',
  'practice.update': 'Changed the letterhead',
  'release-consent.create': 'Recorded a consent to release information',
  'release-consent.list': 'Listed a client’s consents to release information',
  'release-consent.withdraw': 'Recorded the withdrawal of a consent to release information',
  'attendance.preview': 'Previewed an attendance summary',
  'attendance.export': 'Exported an attendance summary',
  'disclosure.list': 'Read the disclosure log',
  'recording-consent.create': 'Recorded a recording consent',
  'recording-consent.list': 'Listed a client’s recording consents',
  'recording-consent.withdraw': 'Recorded withdrawal of a recording consent',
  'recording.attach': 'Attached a recording',
  'recording.list': 'Listed recordings',
  'recording.view': 'Opened a recording’s details',
  'recording.verify': 'Checked a recording’s file',
  'recording.play': 'Played a recording',
  'retention.purge.preview': 'Previewed a retention purge',
  'retention.purge.start': 'Started a retention purge',
  'retention.purge': 'Finished a retention purge',
  'client.destroy': 'Destroyed a client’s records (retention)',
  'client.field-groups.destroy': 'Destroyed a client’s referrer details or equality answers (retention)',
  'client.destroy.entered-in-error': 'Destroyed a client entered in error',
  'session.destroy.entered-in-error': 'Destroyed a session entered in error',
  'retention.register.view': 'Read the destruction register',
  'retention.certificate': 'Saved a destruction certificate',
  'retention.rules.preview': 'Previewed a change to the retention rules',
  'retention.rules.update': 'Changed the retention rules',
  'retention.overview': 'Opened the retention dashboard',
  'retention.client-due': 'Read a client’s retention date',
  'retention.entered-in-error': 'Marked a record as entered in error',
  'hold.place': 'Placed a legal hold',
  'hold.release': 'Released a legal hold',
  'hold.list': 'Listed legal holds',
} as const;

export type AuditAction = keyof typeof auditActionLabels;
export const auditActions = Object.keys(auditActionLabels) as AuditAction[];

export function auditActionLabel(action: string): string {
  return (auditActionLabels as Record<string, string>)[action] ?? action;
}

/**
 * What the audit log records for a method, declared beside it in the contract and written by the core's
 * dispatcher — never by hand in a service:
 * - `view` and `change`: one entry per call, in the call's own transaction; a refused or failed call is
 *   entered as an attempt, with why.
 * - `lifecycle`: unlocking, locking and creating the vault are entered by the vault itself as they happen
 *   (a failed unlock cannot be written until the key is known), with the reason stated.
 * - `key-change`: a change to vault.keys is entered by the vault layer with the change itself (intent
 *   recorded, vault.keys written, entry written; settled at the next unlock if interrupted), because a
 *   file outside the database cannot share its transaction. A refused attempt is entered by the dispatcher.
 * - `batched`: a long change done in several transactions so other calls can run between them (a purge): each
 *   transaction carries the entries for what it did, so a call stopped part-way leaves exactly what happened
 *   entered. A refused attempt is entered by the dispatcher.
 * - `none`: nothing from the vault is read or changed; the reason says why no entry is needed.
 */
export type AuditSpec =
  | { kind: 'view' | 'change'; action: AuditAction }
  | { kind: 'lifecycle' | 'key-change' | 'batched'; action: AuditAction; why: string }
  | { kind: 'none'; why: string };

export const viewAudit = <A extends AuditAction>(action: A) => ({ kind: 'view', action }) as const;
export const changeAudit = <A extends AuditAction>(action: A) => ({ kind: 'change', action }) as const;
export const lifecycleAudit = <A extends AuditAction>(action: A, why: string) => ({ kind: 'lifecycle', action, why }) as const;
export const keyChangeAudit = <A extends AuditAction>(action: A, why: string) => ({ kind: 'key-change', action, why }) as const;
export const batchedAudit = <A extends AuditAction>(action: A, why: string) => ({ kind: 'batched', action, why }) as const;
export const noAudit = (why: string) => ({ kind: 'none', why }) as const;
