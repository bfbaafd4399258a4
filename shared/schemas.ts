import { z } from 'zod';
import { dateField } from './dates';
import { choice, fields, idField, wholeNumber } from './fields';
import { auditActions, type AuditAction } from './audit-actions';
import { patterned, text } from './text';
import { parseReference } from './client-reference';

/** Domain schemas shared by the main process and the renderer. JSON-safe values only. */

export const id = idField('Id');
/** Dates and times the core itself writes (outputs); inputs use the labelled fields in dates.ts. */
export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });

export const PASSPHRASE_MIN_LENGTH = 12;
export const PASSPHRASE_MAX_LENGTH = 1024;

/** Passphrases are compared after NFC normalisation, so the length rule applies to the normalised text. */
export const passphrase = text('Passphrase', { max: PASSPHRASE_MAX_LENGTH, kind: 'secret', required: true }).refine(
  (value) => [...value.normalize('NFC')].length >= PASSPHRASE_MIN_LENGTH,
  { message: `Passphrase must be at least ${PASSPHRASE_MIN_LENGTH} characters` },
);

/** Any entered passphrase (unlock, current passphrase): no length rule, so old passphrases still work. */
export const enteredPassphrase = text('Passphrase', { max: PASSPHRASE_MAX_LENGTH, kind: 'entered-secret', required: true });

export const recoveryCode = text('Recovery code', { max: 100, kind: 'line', required: true });

export const personName = text('Name', { max: 200, kind: 'name', required: true });
export const practiceName = text('Practice name', { max: 200, kind: 'name', required: true });

export const role = choice('Role', ['director', 'therapist']);
export type Role = z.infer<typeof role>;

export const user = z.strictObject({
  id,
  name: z.string(),
  roles: z.array(role),
});
export type User = z.infer<typeof user>;

export const vaultState = z.enum(['uninitialised', 'locked', 'unlocked']);

export const vaultStatus = z.strictObject({
  state: vaultState,
  practiceName: z.string().nullable(),
  user: user.nullable(),
  autoLockMinutes: z.number().int().nullable(),
});
export type VaultStatus = z.infer<typeof vaultStatus>;

export const clientStatus = z.enum(['active', 'closed']);

/** Written YYYY-MM-DD; '' clears a recorded date. Whether it is in the future is checked on the core's clock. */
export const dateOfBirth = dateField('Date of birth', { example: '1990-12-31', allowEmpty: true });

/** RFC 5321 allows 254 characters; the pattern never sees more. '' clears a recorded address. */
export const EMAIL_MAX_LENGTH = 254;
const emailAddress = patterned('Email address', {
  max: EMAIL_MAX_LENGTH,
  pattern: new RegExp(`^$|${z.regexes.email.source}`),
  invalid: 'Email address is not valid: it should look like name@example.org',
});

export const clientIdentityFields = {
  name: personName,
  preferredName: text('Preferred name', { max: 200, kind: 'name' }).optional(),
  dateOfBirth: dateOfBirth.optional(),
  phone: text('Phone', { max: 50, kind: 'line' }).optional(),
  email: emailAddress.optional(),
};
export const newClient = z.strictObject(clientIdentityFields);
export type NewClient = z.infer<typeof newClient>;

export const clientSummary = z.strictObject({
  id,
  reference: z.string(),
  name: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: isoDate.nullable(),
  status: clientStatus,
});
export type ClientSummary = z.infer<typeof clientSummary>;

export const clientDetail = clientSummary.extend({
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  emergencyContact: z.string().nullable(),
  gpPractice: z.string().nullable(),
  interpreterNeeded: z.boolean(),
  interpreterLanguage: z.string().nullable(),
  heardAbout: z.string().nullable(),
  referrerName: z.string().nullable(),
  referrerContact: z.string().nullable(),
  equality: z
    .strictObject({
      consentRecordedAt: isoDateTime,
      ethnicity: z.string().nullable(),
      gender: z.string().nullable(),
      sexualOrientation: z.string().nullable(),
      disability: z.string().nullable(),
      religion: z.string().nullable(),
    })
    .nullable(),
  therapistName: z.string(),
  createdAt: isoDateTime,
  /** What the signed-in user may do with this client's record, as the core decided it. */
  can: z.strictObject({
    readNotes: z.boolean(),
    writeNotes: z.boolean(),
    editDetails: z.boolean(),
    seeEqualityMonitoring: z.boolean(),
    openCase: z.boolean(),
  }),
});
export type ClientDetail = z.infer<typeof clientDetail>;


export const NOTE_MAX_LENGTH = 200_000;
export const noteBody = text('Note', { max: NOTE_MAX_LENGTH, kind: 'lines', trim: false });



export const pendingRecoveryCode = z.strictObject({
  recoveryCode: z.string(),
  issuedAt: isoDateTime,
  /** True when it replaced an earlier code (Settings), false when the vault was created with it. */
  replacesEarlierCode: z.boolean(),
});
export type PendingRecoveryCode = z.infer<typeof pendingRecoveryCode>;

export const auditLogQuery = fields({
  userId: idField('User id').optional(),
  /** A client's reference (C-0001): entries about the client or any record they are a subject of. */
  clientReference: text('Client reference', { max: 20, kind: 'line' })
    .refine((value) => parseReference(value)?.kind === 'client', { message: 'Client reference must look like C-0001' })
    .optional(),
  action: choice('Action', auditActions as [AuditAction, ...AuditAction[]]).optional(),
  from: dateField('From', { example: '2026-11-01' }).optional(),
  to: dateField('To', { example: '2026-11-30' }).optional(),
  /** Paging: entries older than this one. */
  beforeSeq: wholeNumber('Entry number', { min: 1, max: Number.MAX_SAFE_INTEGER, unit: '' }).optional(),
});
export type AuditLogQuery = z.infer<typeof auditLogQuery>;

export const auditLogEntry = z.strictObject({
  seq: z.number().int(),
  at: isoDateTime,
  actor: z.strictObject({ id, name: z.string() }).nullable(),
  action: z.string(),
  clientReferences: z.array(z.string()),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditLogEntry = z.infer<typeof auditLogEntry>;

export const auditReport = z.strictObject({
  ok: z.boolean(),
  integrity: z.strictObject({ ok: z.boolean(), problem: z.string().nullable() }),
  chain: z.strictObject({
    ok: z.boolean(),
    entries: z.number().int(),
    firstBrokenSeq: z.number().int().nullable(),
    problem: z.string().nullable(),
  }),
});
export type AuditReport = z.infer<typeof auditReport>;

export const AUTO_LOCK_MINUTES_DEFAULT = 5;
export const AUTO_LOCK_MINUTES_MIN = 1;
export const AUTO_LOCK_MINUTES_MAX = 60;
export const autoLockMinutes = wholeNumber('Auto-lock time', {
  min: AUTO_LOCK_MINUTES_MIN,
  max: AUTO_LOCK_MINUTES_MAX,
  unit: 'minutes',
  tooSmall: `Auto-lock time must be at least ${AUTO_LOCK_MINUTES_MIN} minute`,
});
