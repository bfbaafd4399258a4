import { z } from 'zod';
import { parseReference } from './client-reference';

/** Domain schemas shared by the main process and the renderer. JSON-safe values only. */

export const id = z.uuid();
export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });

const trimmed = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label} must be at most ${max} characters`).optional();

export const PASSPHRASE_MIN_LENGTH = 12;

/** Passphrases are compared after NFC normalisation, so the length rule applies to the normalised text. */
export const passphrase = z
  .string()
  .max(1024, 'Passphrase must be at most 1024 characters')
  .refine((value) => [...value.normalize('NFC')].length >= PASSPHRASE_MIN_LENGTH, {
    message: `Passphrase must be at least ${PASSPHRASE_MIN_LENGTH} characters`,
  });

/** Any entered passphrase (unlock, current passphrase): no length rule, so old passphrases still work. */
export const enteredPassphrase = z.string().min(1, 'Passphrase is required').max(1024);

export const recoveryCode = z
  .string()
  .trim()
  .min(1, 'Recovery code is required')
  .max(100, 'Recovery code is too long');

export const personName = trimmed('Name', 200);
export const practiceName = trimmed('Practice name', 200);

export const role = z.enum(['director', 'therapist']);
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

export const dateOfBirth = isoDate.refine((value) => value >= '1900-01-01', {
  message: 'Date of birth must be on or after 1 January 1900',
});

export const clientIdentityFields = {
  name: personName,
  preferredName: optionalText('Preferred name', 200),
  // '' clears a recorded date of birth.
  dateOfBirth: z.union([z.literal(''), dateOfBirth]).optional(),
  phone: optionalText('Phone', 50),
  email: z.union([z.literal(''), z.email('Email address is not valid')]).optional(),
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
export const noteBody = z.string().max(NOTE_MAX_LENGTH, `A note must be at most ${NOTE_MAX_LENGTH} characters`);



export const pendingRecoveryCode = z.strictObject({
  recoveryCode: z.string(),
  issuedAt: isoDateTime,
  /** True when it replaced an earlier code (Settings), false when the vault was created with it. */
  replacesEarlierCode: z.boolean(),
});
export type PendingRecoveryCode = z.infer<typeof pendingRecoveryCode>;

export const auditLogQuery = z.strictObject({
  userId: id.optional(),
  /** A client's reference (C-0001): entries about the client or any record they are a subject of. */
  clientReference: z
    .string()
    .max(20)
    .refine((text) => parseReference(text)?.kind === 'client', { message: 'Client reference must look like C-0001' })
    .optional(),
  action: z.string().max(60).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Paging: entries older than this one. */
  beforeSeq: z.number().int().positive().optional(),
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
export const autoLockMinutes = z
  .number()
  .int('Auto-lock time must be a whole number of minutes')
  .min(AUTO_LOCK_MINUTES_MIN, `Auto-lock time must be at least ${AUTO_LOCK_MINUTES_MIN} minute`)
  .max(AUTO_LOCK_MINUTES_MAX, `Auto-lock time must be at most ${AUTO_LOCK_MINUTES_MAX} minutes`);
