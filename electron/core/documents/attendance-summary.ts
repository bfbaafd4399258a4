import { z } from 'zod';
import { calendarDate, count, line, parseDocumentInput } from './document-input';

/**
 * Everything an attendance summary (letter and CSV) may say, and nothing more: there is no field for
 * note content, other attendees, diagnoses or free text, and the schema is strict, so a caller that
 * passes anything else is refused rather than having it ignored.
 */
export interface AttendanceSummary {
  practice: { name: string; addressLines: readonly string[]; letterhead?: string };
  signatory: { name: string; role: string };
  /** Without a person the letter opens "Dear Sir or Madam" and closes "Yours faithfully". */
  recipient: { organisation: string; person?: string };
  /** Either may be left out when the recipient does not need it. */
  client: { name?: string; dateOfBirth?: string };
  period: { from: string; to: string };
  /** One date per session attended (a day with two sessions appears twice), and how many there were. */
  attended: { dates: readonly string[]; count: number };
  /** Present only when the user chose to include them. */
  didNotAttendCount?: number;
  cancelledCount?: number;
  /** The user chose "individual sessions only": the letter says the count excludes joint work. */
  individualSessionsOnly: boolean;
  /** The date the client signed the consent this summary is released on. */
  consentSignedOn: string;
  letterDate: string;
  reference: string;
}

const schema = z
  .strictObject({
    practice: z.strictObject({
      name: line('The practice name', 120),
      addressLines: z.array(line('An address line', 120)).max(6, 'The practice address has more than 6 lines'),
      letterhead: line('The letterhead text', 200).optional(),
    }),
    signatory: z.strictObject({ name: line('The signatory’s name', 120), role: line('The signatory’s role', 120) }),
    recipient: z.strictObject({ organisation: line('The recipient organisation', 160), person: line('The recipient’s name', 120).optional() }),
    client: z.strictObject({ name: line('The client’s name', 120).optional(), dateOfBirth: calendarDate('The client’s date of birth').optional() }),
    period: z.strictObject({ from: calendarDate('The start of the period'), to: calendarDate('The end of the period') }),
    attended: z.strictObject({
      dates: z.array(calendarDate('A session date')).max(2000, 'There are more than 2,000 sessions'),
      count: count('The number of sessions attended'),
    }),
    didNotAttendCount: count('The number of missed sessions').optional(),
    cancelledCount: count('The number of cancelled sessions').optional(),
    individualSessionsOnly: z.boolean(),
    consentSignedOn: calendarDate('The date the consent was signed'),
    letterDate: calendarDate('The letter’s date'),
    reference: line('The reference', 40),
  })
  .superRefine((summary, context) => {
    const problem = (message: string, path: string[]) => context.addIssue({ code: 'custom', message, path });
    const { period, attended } = summary;
    if (period.from > period.to) problem('The period ends before it starts', ['period']);
    if (period.to > summary.letterDate) problem('The period ends after the letter’s date', ['period', 'to']);
    if (attended.count !== attended.dates.length) problem('The number of sessions attended does not match the dates given', ['attended', 'count']);
    if (attended.dates.some((date) => date < period.from || date > period.to)) problem('A session date falls outside the period', ['attended', 'dates']);
    if (summary.consentSignedOn > summary.letterDate) problem('The consent is dated after the letter', ['consentSignedOn']);
    const born = summary.client.dateOfBirth;
    if (born !== undefined && born > period.from) problem('The client’s date of birth is after the start of the period', ['client', 'dateOfBirth']);
  });

/** The summary checked, with its text trimmed and its dates in order. */
export function checkedAttendanceSummary(input: AttendanceSummary): AttendanceSummary {
  const summary = parseDocumentInput(schema, input, 'attendance summary') as AttendanceSummary;
  return { ...summary, attended: { ...summary.attended, dates: [...summary.attended.dates].sort() } };
}
