import { z } from 'zod';
import { fields } from './fields';
import { enteredPassphrase, id, isoDate, isoDateTime } from './schemas';
import { text } from './text';

/**
 * The purge (issue 10, DESIGN.md §1.5): what a director previews, approves with their passphrase and gets back —
 * reference codes, dates and counts only, never a name or a note.
 */

const count = z.number().int().min(0);

export const purgeCounts = z.strictObject({ sessions: count, notes: count, recordings: count });

/** One client the purge will destroy. */
export const purgeCandidate = z.strictObject({
  reference: z.string(),
  /** Why it is due, in words ("7 years after the last case closed on 14 March 2017"). */
  reason: z.string(),
  firstOn: isoDate.nullable(),
  lastOn: isoDate.nullable(),
  ...purgeCounts.shape,
  /** Joint records kept for the other subjects, which will stop naming this client. */
  jointKept: count,
});

export const purgeBlocked = z.strictObject({ reference: z.string(), reasons: z.array(z.string()) });

/** A session a director marked as entered in error (recorded on the wrong client), by its case's reference and date. */
export const purgeSessionInError = z.strictObject({ reference: z.string(), on: isoDate, notes: count, recordings: count });

export const fieldGroupKinds = ['referrer', 'equality-monitoring'] as const;
export const fieldGroupLabels: Record<(typeof fieldGroupKinds)[number], string> = {
  referrer: 'Referrer’s contact details',
  'equality-monitoring': 'Equality-monitoring answers',
};

/** A field group due before its client's record (which stays): by the client's reference, with how many fields it holds. */
export const purgeFieldGroup = z.strictObject({
  reference: z.string(),
  what: z.enum(fieldGroupKinds),
  /** Why it is due, in words ("due 14 March 2024: when the last case closed"). */
  reason: z.string(),
  fields: count,
});

export const purgePreview = z.strictObject({
  today: isoDate,
  clients: z.array(purgeCandidate),
  sessionsInError: z.array(purgeSessionInError),
  blocked: z.array(purgeBlocked),
  /** Referrer details and equality answers due while their clients' records are not: destroyed, the records kept. */
  fieldGroups: z.array(purgeFieldGroup),
  /** Clients whose field groups are due but a blocker (a legal hold, an open release) stops it. */
  fieldGroupsBlocked: z.array(purgeBlocked),
  totals: z.strictObject({ clients: count, ...purgeCounts.shape }),
  /** The retention rules in force, one plain-English sentence each (they go on the certificate). */
  rulesApplied: z.array(z.string()),
  /** Names this exact list; the purge refuses to run if what is due has changed since the preview. */
  planDigest: z.string(),
  /** A purge stopped before its clean-up (search index, free pages): running the purge finishes it. */
  cleanupOwed: z.boolean(),
});
export type PurgePreview = z.infer<typeof purgePreview>;

export const purgeInput = fields({
  currentPassphrase: enteredPassphrase,
  planDigest: text('The preview it approves', { max: 64, kind: 'line', required: 'Preview the purge first' }),
});

export const destroyedRecord = z.strictObject({ reference: z.string(), records: count, ...purgeCounts.shape });
export const destroyedFieldGroup = z.strictObject({ reference: z.string(), what: z.enum(fieldGroupKinds), fields: count });

/** What a destruction certificate says (the PDF is written by retention.certificate). */
export const certificateContent = z.strictObject({
  runId: id,
  runNo: z.number().int(),
  date: isoDate,
  authorisedBy: z.string(),
  destroyed: z.array(destroyedRecord),
  /** Field groups destroyed from records that were kept. */
  fieldGroups: z.array(destroyedFieldGroup),
  rulesApplied: z.array(z.string()),
});

export const purgeResult = z.strictObject({
  runId: id,
  runNo: z.number().int(),
  /** False when the vault was locked part-way: what was destroyed is registered, and purging again finishes the job. */
  complete: z.boolean(),
  /** `sessions`, `notes` and `recordings` include those of sessions entered in error (`sessionsInError` of them). */
  totals: z.strictObject({ clients: count, sessionsInError: count, records: count, ...purgeCounts.shape, jointKept: count, fieldGroups: count }),
  /** How the freed pages were removed: `incremental-vacuum` in steps, or one `vacuum` (a vault without auto-vacuum); null if stopped first. */
  pageCleanup: z.enum(['incremental-vacuum', 'vacuum']).nullable(),
  certificate: certificateContent,
});
export type PurgeResult = z.infer<typeof purgeResult>;

export const registerQuery = fields({ runId: id.optional() });

export const destructionRun = z.strictObject({
  id,
  runNo: z.number().int(),
  kind: z.enum(['purge', 'entered-in-error']),
  authorisedBy: z.string(),
  startedAt: isoDateTime,
  /** Null for a run that stopped part-way (its entries are true; a later run finished the job). */
  finishedAt: isoDateTime.nullable(),
  planned: count,
  destroyed: count,
});

export const registerEntry = z.strictObject({
  seq: z.number().int(),
  destroyedAt: isoDateTime,
  what: z.enum(['client', 'session', 'referrer', 'equality-monitoring', 'recording']),
  reference: z.string(),
  rule: z.string(),
  firstOn: isoDate.nullable(),
  lastOn: isoDate.nullable(),
  records: count,
  ...purgeCounts.shape,
  jointKept: count,
});

export const destructionRegister = z.strictObject({
  runs: z.array(destructionRun),
  /** The entries of the run asked for (the latest when none was). */
  runId: id.nullable(),
  entries: z.array(registerEntry),
});
export type DestructionRegister = z.infer<typeof destructionRegister>;

export const certificateRequest = fields({
  runId: id,
  outputFolder: text('Output folder', { max: 4096, kind: 'line', required: 'Choose the folder the certificate goes to' }),
});

export const savedCertificate = z.strictObject({ path: z.string(), bytes: count, sha256: z.string() });
