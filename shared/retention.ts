import { z } from 'zod';
import { choice, fields, group, idField, wholeNumber, yesNo } from './fields';
import { isoDate } from './schemas';
import { text } from './text';
import type { RetentionRules } from './rules/retention';

/**
 * The retention contract's shapes (issue 10): the practice's rules, each client's due date with its reason,
 * blockers (legal holds, open releases) and the dashboard's three lists. Reference codes and dates only —
 * a name appears only where a director asked for names (audited).
 */

export const RULE_LIMITS = {
  years: { min: 1, max: 100 },
  untilAge: { min: 18, max: 100 },
  months: { min: 0, max: 120 },
} as const;

export const retentionRules = group('Retention rules', {
  clientRecords: group('Client records', { years: wholeNumber('Years after the last case closed', { ...RULE_LIMITS.years, unit: 'years' }) }),
  minors: group('Minors', {
    enabled: yesNo('Keep minors until a birthday'),
    untilAge: wholeNumber('Birthday minors are kept until', { ...RULE_LIMITS.untilAge, unit: 'years of age' }),
  }),
  referrer: group('Referrer', { atCaseClosing: yesNo("Remove a referrer's details when the case closes") }),
  fieldGroups: group('Field groups', {
    equalityMonitoring: group('Equality monitoring', {
      enabled: yesNo('Remove equality-monitoring answers early'),
      months: wholeNumber('Months after the end of service', { ...RULE_LIMITS.months, unit: 'months' }),
    }),
  }),
}) satisfies z.ZodType<RetentionRules>;

export const ruleExplanation = z.strictObject({
  id: z.enum(['client-records', 'minors', 'referrer', 'equality-monitoring', 'joint-records', 'recordings', 'entered-in-error', 'legal-holds']),
  words: z.string(),
});

export const rulesWithWords = z.strictObject({ rules: retentionRules, explanations: z.array(ruleExplanation) });

export const ruleId = z.enum([
  'open-case', 'after-last-case', 'minor', 'no-case', 'referrer-at-closing', 'equality-monitoring', 'kept-with-record',
  'joint-record', 'recording-consent', 'recording-withdrawn', 'entered-in-error',
]);

export const dueDecision = z.strictObject({
  dueOn: isoDate.nullable(),
  rule: ruleId,
  words: z.string(),
  caveat: z.string().nullable(),
});

/** What stops a client due for destruction from being destroyed; later kinds (subject-access requests) add here. */
export const blockerKinds = ['legal-hold', 'open-release'] as const;
export type BlockerKind = (typeof blockerKinds)[number];
export const blocker = z.strictObject({ kind: z.enum(blockerKinds), words: z.string() });

/**
 * Why a director marked a record as entered in error, in their own words, who did and when. Shown in the client
 * file and on the dashboard (both the director's); never written to the destruction register.
 */
export const enteredInErrorMark = z.strictObject({ reason: z.string(), markedBy: z.string(), markedOn: isoDate });

/** A session marked as entered in error: by its case's reference and date, never by who attended. */
export const sessionInError = enteredInErrorMark.extend({
  sessionId: z.string(),
  caseReference: z.string(),
  on: isoDate,
  /** A legal hold on its case or on someone who attended stops its destruction until released. */
  held: z.boolean(),
});

/** One client's due date, for the client file and the dashboard. `name` only when names were asked for. */
export const clientDue = z.strictObject({
  clientId: z.string(),
  reference: z.string(),
  name: z.string().optional(),
  decision: dueDecision,
  /** Present when a director marked this client as entered in error (due at once, for early destruction). */
  enteredInError: enteredInErrorMark.optional(),
  /** Due on or before today. */
  due: z.boolean(),
  blockers: z.array(blocker),
});

export const DUE_SOON_DAYS = 90;

/** A client whose referrer details or equality answers are due now while their record is kept. `name` as in clientDue. */
export const fieldGroupsDueNow = z.strictObject({
  clientId: z.string(),
  reference: z.string(),
  name: z.string().optional(),
  groups: z.array(z.strictObject({ what: z.enum(['referrer', 'equality-monitoring']), words: z.string(), fields: z.number().int().min(0) })),
});

export const retentionOverview = z.strictObject({
  today: isoDate,
  dueSoonDays: z.number().int(),
  /** Due today or earlier and nothing stops it: what a purge would destroy. */
  dueNow: z.array(clientDue),
  /** Falling due in the next `dueSoonDays` days. */
  dueSoon: z.array(clientDue),
  /** Due now but stopped (legal hold, open release), or under a legal hold whatever their date. */
  onHold: z.array(clientDue),
  /** Sessions marked as entered in error: the next purge destroys each, unless a hold on its case or an attendee stops it. */
  sessionsInError: z.array(sessionInError),
  /** Field groups due now (nothing stops them) of clients whose records are kept: what a purge would remove from them. */
  fieldGroupsDueNow: z.array(fieldGroupsDueNow),
});

export const rulesChange = z.strictObject({
  /** Clients whose due date would move (earlier or later, or from "not due" to a date). */
  moved: z.number().int(),
  /** Of those, how many would become due on or before today. */
  becomeDueNow: z.number().int(),
  /** How many would stop being due now. */
  stopBeingDue: z.number().int(),
});

export const holdKinds = ['court', 'coroner', 'complaint', 'investigation'] as const;
export const holdKindLabels: Record<(typeof holdKinds)[number], string> = {
  court: 'Court',
  coroner: 'Coroner',
  complaint: 'Complaint',
  investigation: 'Investigation',
};

export const holdId = idField('Hold id');
export const holdReference = text('Hold reference', { max: 100, kind: 'line', required: true });

export const legalHold = z.strictObject({
  id: z.string(),
  kind: z.enum(holdKinds),
  reference: z.string(),
  /** The client's reference, or the case's (K-…) when the hold is on a case. */
  on: z.strictObject({ kind: z.enum(['client', 'case']), id: z.string(), reference: z.string() }),
  placedBy: z.string(),
  placedAt: z.string(),
  releasedBy: z.string().nullable(),
  releasedAt: z.string().nullable(),
});

export const enteredInErrorReason = text('Reason', { max: 1000, kind: 'lines', required: 'Give the reason this record was entered in error' });

/** Where a hold goes: a client, or a case (which holds every client in it). Exactly one. */
export const placeHoldInput = fields({
  clientId: idField('Client id').optional(),
  caseId: idField('Case id').optional(),
  kind: choice('Kind of hold', holdKinds),
  reference: holdReference,
}).refine((value) => (value.clientId === undefined) !== (value.caseId === undefined), {
    message: 'Give a client (clientId) or a case (caseId) to hold: one of them, not both',
    path: ['clientId'],
  });

export const markEnteredInErrorInput = fields({
  clientId: idField('Client id').optional(),
  sessionId: idField('Session id').optional(),
  reason: enteredInErrorReason,
}).refine((value) => (value.clientId === undefined) !== (value.sessionId === undefined), {
    message: 'Give a client (clientId) or a session (sessionId) entered in error: one of them, not both',
    path: ['clientId'],
  });

export const enteredInErrorRecord = z.strictObject({
  id: z.string(),
  what: z.enum(['client', 'session']),
  /** The client's reference, or for a session the reference of its case. */
  reference: z.string(),
  markedOn: isoDate,
});

export const clientDueInFile = clientDue.extend({
  can: z.strictObject({ manageHolds: z.boolean(), markEnteredInError: z.boolean() }),
  holds: z.array(legalHold),
  /** This client's sessions marked as entered in error. */
  sessionsInError: z.array(sessionInError),
});

export type RetentionOverview = z.output<typeof retentionOverview>;
export type ClientDue = z.output<typeof clientDue>;
export type FieldGroupsDueNow = z.output<typeof fieldGroupsDueNow>;
export type ClientDueInFile = z.output<typeof clientDueInFile>;
export type LegalHold = z.output<typeof legalHold>;
export type EnteredInErrorMark = z.output<typeof enteredInErrorMark>;
export type SessionInError = z.output<typeof sessionInError>;
export type RulesChange = z.output<typeof rulesChange>;
export type HoldKind = (typeof holdKinds)[number];
