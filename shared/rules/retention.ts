import { longDate } from '../long-date';

/**
 * Retention (DESIGN.md §1.5): when a client's records, and parts of them, fall due for destruction, with the
 * rule that decided it in words. Pure, so the screens can preview what the core enforces; "today" is always
 * the caller's (the core's clock), never the machine's.
 *
 * Dates are calendar dates (YYYY-MM-DD). "N years after" a date is the first day on which N whole years have
 * passed: the same day and month, or 1 March when that day is 29 February and the year is not a leap year
 * (records are kept at least the full period, never a day less). Months work the same way (31 August + 6
 * months is 1 March).
 */

export interface RetentionRules {
  /** Client records are destroyed this many whole years after the client's last case closed. */
  clientRecords: { years: number };
  /** Clients under 18 when their last case closed are kept until this birthday, if that is later. */
  minors: { enabled: boolean; untilAge: number };
  /** A third-party referrer's contact details go when the client's last case closes. */
  referrer: { atCaseClosing: boolean };
  /** Field groups that go sooner than the record: equality monitoring, N months after the end of service. */
  fieldGroups: { equalityMonitoring: { enabled: boolean; months: number } };
}

export const DEFAULT_RETENTION_RULES: RetentionRules = {
  clientRecords: { years: 7 },
  minors: { enabled: true, untilAge: 25 },
  referrer: { atCaseClosing: true },
  fieldGroups: { equalityMonitoring: { enabled: true, months: 12 } },
};

/** The age below which a client counts as a minor (UK age of majority). */
export const ADULT_AGE = 18;

/** What the rules need to know about one client; the core reads it from the vault. */
export interface RetentionFacts {
  dateOfBirth: string | null;
  /** The day the client was added (in the practice's time zone). */
  addedOn: string;
  /** The day of the last note about them, for a client who never had a case. */
  lastNoteOn: string | null;
  cases: ReadonlyArray<{ reference: string; openedOn: string; closedOn: string | null }>;
  /** The day a director marked the client as entered in error (a duplicate), if they did: due at once. */
  enteredInErrorOn?: string | null;
}

export type RetentionRuleId =
  | 'open-case'
  | 'after-last-case'
  | 'minor'
  | 'no-case'
  | 'referrer-at-closing'
  | 'equality-monitoring'
  | 'kept-with-record'
  | 'joint-record'
  | 'recording-consent'
  | 'recording-withdrawn'
  | 'entered-in-error';

export interface DueDecision {
  /** The day it falls due; null while it is not due at all (a case still open, a rule that keeps it). */
  dueOn: string | null;
  rule: RetentionRuleId;
  /** The decision in words, e.g. "due 14 March 2031: 7 years after the last case closed on 14 March 2024". */
  words: string;
  /** Something the director should know about how it was decided (a date of birth not recorded). */
  caveat: string | null;
}

// ——— dates ———

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysIn = (year: number, month: number) => [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function parts(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error('retention dates are YYYY-MM-DD');
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The first day on which `months` whole months have passed since `date`. */
export function addWholeMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  if (d <= daysIn(year, month)) return `${pad(year, 4)}-${pad(month)}-${pad(d)}`;
  // The day does not exist in that month (29-31): the period ends with the month, so the first day after it.
  return month === 12 ? `${pad(year + 1, 4)}-01-01` : `${pad(year, 4)}-${pad(month + 1)}-01`;
}

/** The date `days` days after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  // Date.UTC reads years 0-99 as 1900-1999; the vault's dates are 1900-2100, so the year is taken as given.
  const day = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(day.getUTCFullYear(), 4)}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
}

export function addWholeYears(date: string, years: number): string {
  return addWholeMonths(date, years * 12);
}

const later = (a: string, b: string) => (a > b ? a : b);

export function isDue(decision: Pick<DueDecision, 'dueOn'>, today: string): boolean {
  return decision.dueOn !== null && decision.dueOn <= today;
}

// ——— words ———

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const due = (date: string) => `due ${longDate(date)}`;

// ——— the rules ———

/** The end of service: the day the last case closed, once every case is closed; null with an open case or none. */
export function endOfService(facts: RetentionFacts): string | null {
  if (facts.cases.length === 0 || facts.cases.some((c) => c.closedOn === null)) return null;
  return facts.cases.reduce((last, c) => later(last, c.closedOn!), facts.cases[0]!.closedOn!);
}

function openCases(facts: RetentionFacts): DueDecision | null {
  const open = facts.cases.filter((c) => c.closedOn === null).map((c) => c.reference);
  if (open.length === 0) return null;
  const words = open.length === 1 ? `not due: case ${open[0]} is still open` : `not due: cases ${listed(open)} are still open`;
  return { dueOn: null, rule: 'open-case', words, caveat: null };
}

/** The minors rule, applied to a due date computed from `since` (the end of service or the last record). */
function withMinorsRule(base: DueDecision, since: string, facts: RetentionFacts, rules: RetentionRules, why: string): DueDecision {
  if (!rules.minors.enabled) return base;
  if (facts.dateOfBirth === null) {
    return { ...base, caveat: 'Date of birth not recorded, so the rule for minors could not be checked.' };
  }
  const wasMinor = since < addWholeYears(facts.dateOfBirth, ADULT_AGE);
  const birthday = addWholeYears(facts.dateOfBirth, rules.minors.untilAge);
  if (!wasMinor || birthday <= base.dueOn!) return base;
  return {
    dueOn: birthday,
    rule: 'minor',
    words: `${due(birthday)}: their ${ordinal(rules.minors.untilAge)} birthday, later than ${why} (they were under ${ADULT_AGE} then)`,
    caveat: null,
  };
}

/** When a client's record falls due, and why. */
export function clientRecordDue(facts: RetentionFacts, rules: RetentionRules): DueDecision {
  if (facts.enteredInErrorOn) {
    const on = facts.enteredInErrorOn;
    return { dueOn: on, rule: 'entered-in-error', words: `${due(on)}: a director marked this client as entered in error that day`, caveat: null };
  }
  const open = openCases(facts);
  if (open) return open;
  const years = rules.clientRecords.years;
  const closed = endOfService(facts);
  if (closed !== null) {
    const why = `${plural(years, 'year')} after the last case closed on ${longDate(closed)}`;
    const dueOn = addWholeYears(closed, years);
    return withMinorsRule({ dueOn, rule: 'after-last-case', words: `${due(dueOn)}: ${why}`, caveat: null }, closed, facts, rules, why);
  }
  // No case was ever opened (an enquiry, a referral that did not start): the same period from their last record.
  const last = facts.lastNoteOn === null ? facts.addedOn : later(facts.addedOn, facts.lastNoteOn);
  const why = `${plural(years, 'year')} after their last record on ${longDate(last)}`;
  const dueOn = addWholeYears(last, years);
  return withMinorsRule({ dueOn, rule: 'no-case', words: `${due(dueOn)}: ${why} (no case was opened)`, caveat: null }, last, facts, rules, why);
}

const keptWithRecord = (words: string): DueDecision => ({ dueOn: null, rule: 'kept-with-record', words, caveat: null });

/** A third-party referrer's contact details: when the client's last case closes. */
export function referrerDue(facts: RetentionFacts, rules: RetentionRules): DueDecision {
  if (!rules.referrer.atCaseClosing) return keptWithRecord('kept with the client record');
  const open = openCases(facts);
  if (open) return { ...open, words: 'not due: kept while a case is open' };
  const closed = endOfService(facts);
  if (closed === null) return keptWithRecord('kept with the client record until a case has closed');
  return { dueOn: closed, rule: 'referrer-at-closing', words: `${due(closed)}: when the last case closed`, caveat: null };
}

/** Equality-monitoring answers: N months after the end of service. */
export function equalityMonitoringDue(facts: RetentionFacts, rules: RetentionRules): DueDecision {
  const group = rules.fieldGroups.equalityMonitoring;
  if (!group.enabled) return keptWithRecord('kept with the client record');
  const open = openCases(facts);
  if (open) return { ...open, words: 'not due: kept while a case is open' };
  const closed = endOfService(facts);
  if (closed === null) return keptWithRecord('kept with the client record until a case has closed');
  const dueOn = addWholeMonths(closed, group.months);
  return {
    dueOn,
    rule: 'equality-monitoring',
    words: `${due(dueOn)}: ${plural(group.months, 'month')} after the end of service on ${longDate(closed)}`,
    caveat: null,
  };
}

/** The parts of a client's record that can go before the record itself (DESIGN.md §1.5). */
export type FieldGroupId = 'referrer' | 'equality-monitoring';

export interface FieldGroupDue {
  group: FieldGroupId;
  decision: DueDecision;
}

/**
 * The field groups a client holds that are due on `today` while their record is not. Empty when the record is
 * due itself: the groups then go with the record (or wait with it under a hold). `held` names the groups the
 * client has anything recorded in; a group they have none of has nothing to destroy.
 */
export function fieldGroupsDue(facts: RetentionFacts, rules: RetentionRules, today: string, held: ReadonlySet<FieldGroupId>): FieldGroupDue[] {
  if (held.size === 0 || isDue(clientRecordDue(facts, rules), today)) return [];
  const decided: FieldGroupDue[] = [];
  if (held.has('referrer')) decided.push({ group: 'referrer', decision: referrerDue(facts, rules) });
  if (held.has('equality-monitoring')) decided.push({ group: 'equality-monitoring', decision: equalityMonitoringDue(facts, rules) });
  return decided.filter((group) => isDue(group.decision, today));
}

/**
 * A record with several subjects (a joint session and its note) falls due when the last of them does; while
 * any subject is not due at all, neither is the record.
 */
export function jointRecordDue(subjects: readonly DueDecision[]): DueDecision {
  if (subjects.length === 0) throw new Error('a record has at least one subject');
  if (subjects.some((s) => s.dueOn === null)) {
    return { dueOn: null, rule: 'joint-record', words: 'not due: kept while any of its subjects is kept', caveat: null };
  }
  const dueOn = subjects.reduce((last, s) => later(last, s.dueOn!), subjects[0]!.dueOn!);
  const words = subjects.length === 1 ? subjects[0]!.words : `${due(dueOn)}: when the last of its ${subjects.length} subjects falls due`;
  return { dueOn, rule: subjects.length === 1 ? subjects[0]!.rule : 'joint-record', words, caveat: null };
}

/**
 * A recording (issue 9): on the date its consent gives for destruction, or at once when consent is withdrawn.
 * The extension point for recordings: their consents supply these two dates.
 */
export function recordingDue(consent: { destroyOn: string | null; withdrawnOn: string | null }): DueDecision {
  if (consent.withdrawnOn !== null) {
    return { dueOn: consent.withdrawnOn, rule: 'recording-withdrawn', words: `${due(consent.withdrawnOn)}: consent was withdrawn that day`, caveat: null };
  }
  if (consent.destroyOn !== null) {
    return { dueOn: consent.destroyOn, rule: 'recording-consent', words: `${due(consent.destroyOn)}: the date its consent gives`, caveat: null };
  }
  return keptWithRecord('kept with the client record: its consent gives no earlier date');
}

export interface RuleExplanation {
  id: 'client-records' | 'minors' | 'referrer' | 'equality-monitoring' | 'joint-records' | 'recordings' | 'entered-in-error' | 'legal-holds';
  words: string;
}

/** Each rule in plain English, as settings show them and a destruction certificate lists them. */
export function retentionRuleWords(rules: RetentionRules): RuleExplanation[] {
  const years = plural(rules.clientRecords.years, 'year');
  const group = rules.fieldGroups.equalityMonitoring;
  return [
    {
      id: 'client-records',
      words: `A client’s records are destroyed ${years} after their last case closes (a client who never had a case: ${years} after their last record).`,
    },
    {
      id: 'minors',
      words: rules.minors.enabled
        ? `A client who was under ${ADULT_AGE} when their last case closed is kept until their ${ordinal(rules.minors.untilAge)} birthday, if that is later.`
        : `Clients who were under ${ADULT_AGE} follow the same rule as adults.`,
    },
    {
      id: 'referrer',
      words: rules.referrer.atCaseClosing
        ? "A third-party referrer’s contact details are removed when the client’s last case closes."
        : "A third-party referrer’s contact details are kept with the client’s record.",
    },
    {
      id: 'equality-monitoring',
      words: group.enabled
        ? `Equality-monitoring answers are removed ${plural(group.months, 'month')} after the end of service.`
        : "Equality-monitoring answers are kept with the client’s record.",
    },
    {
      id: 'joint-records',
      words:
        'A record with several clients (a joint session and its note) is destroyed when the last of them falls due; until then it ' +
        'stays only in the remaining clients’ files and names a destroyed client as “a former client”.',
    },
    { id: 'recordings', words: 'A recording is destroyed on the date its consent gives, or at once when consent is withdrawn.' },
    {
      id: 'entered-in-error',
      words:
        'A record a director marks as entered in error (a duplicate client, a session recorded on the wrong client) is destroyed ' +
        'early, by the next purge; the director’s reason is kept out of the register.',
    },
    { id: 'legal-holds', words: 'Nothing is destroyed while a legal hold is open on the client or one of their cases.' },
  ];
}
