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
  'case.create': 'Opened a case',
  'case.close': 'Closed a case',
  'session.create': 'Recorded a session',
  'notes.view': 'Read a client’s notes',
  'note.view': 'Read a note',
  'note.draft.create': 'Started a note',
  'note.finalise': 'Finalised a note',
  'note.amend': 'Amended a note',
  'note.client-comment': 'Recorded a client’s comment on a note',
  search: 'Searched',
  'audit.view': 'Read the audit log',
} as const;

export type AuditAction = keyof typeof auditActionLabels;
export const auditActions = Object.keys(auditActionLabels) as AuditAction[];

export function auditActionLabel(action: string): string {
  return (auditActionLabels as Record<string, string>)[action] ?? action;
}
