import type { AttendanceSummary } from './attendance-summary';
import { countOf, groupDigits, longDate } from './long-date';
import type { Letterhead } from './pdf-letterhead';

/**
 * The words of the attendance letter, apart from its layout, so the wizard's preview can show exactly
 * what the PDF will say.
 */
export interface AttendanceLetterContent {
  letterhead: Letterhead;
  marking: string;
  recipientLines: string[];
  reference: string;
  date: string;
  salutation: string;
  subject: string;
  opening: string[];
  /** Heading for the list of dates, and the dates ("14 March 2031", or "14 March 2031 (2 sessions)"). */
  datesHeading?: string;
  dates: string[];
  /** "Booked sessions not attended: 2", when the user chose to include them. */
  otherCountsHeading?: string;
  otherCounts: string[];
  closingParagraphs: string[];
  valediction: string;
  signature: { name: string; role: string; practiceName: string };
  footer: (page: number, pages: number) => string;
}

/** "between 1 January 2031 and 31 March 2031", or "on 14 March 2031" for a single day. */
function periodPhrase({ from, to }: AttendanceSummary['period']): string {
  return from === to ? `on ${longDate(from)}` : `between ${longDate(from)} and ${longDate(to)}`;
}

function subjectLine({ client }: AttendanceSummary): string {
  const born = client.dateOfBirth === undefined ? undefined : `date of birth ${longDate(client.dateOfBirth)}`;
  const who = client.name ?? (born ? 'our client' : undefined);
  return ['Attendance summary', [who, born].filter(Boolean).join(', ')].filter(Boolean).join(': ');
}

/** Each day once, in order, with the number of sessions when there was more than one that day. */
function listedDates(dates: readonly string[]): string[] {
  const perDay = new Map<string, number>();
  for (const date of dates) perDay.set(date, (perDay.get(date) ?? 0) + 1);
  return [...perDay].map(([date, sessions]) => (sessions === 1 ? longDate(date) : `${longDate(date)} (${sessions} sessions)`));
}

/** Expects a summary already checked by `checkedAttendanceSummary`. */
export function attendanceLetterContent(summary: AttendanceSummary): AttendanceLetterContent {
  const { practice, recipient, client, attended } = summary;
  const who = client.name ?? 'our client';
  const sessions = attended.count;

  const confirmation =
    sessions === 0
      ? `We confirm that ${who} attended no sessions at ${practice.name} ${periodPhrase(summary.period)}.`
      : `We confirm that ${who} attended ${countOf(sessions, 'session')} at ${practice.name} ${periodPhrase(summary.period)}.`;
  const jointWork = summary.individualSessionsOnly
    ? ' This count is of individual sessions only: it excludes joint work (sessions attended with a partner or family members).'
    : '';

  const otherCounts = [
    ...(summary.didNotAttendCount === undefined ? [] : [`Booked sessions not attended: ${groupDigits(summary.didNotAttendCount)}`]),
    ...(summary.cancelledCount === undefined ? [] : [`Sessions cancelled: ${groupDigits(summary.cancelledCount)}`]),
  ];
  const released = otherCounts.length > 0 ? 'the dates and number of sessions attended, and the numbers of sessions missed or cancelled' : 'the dates and number of sessions attended';

  return {
    letterhead: { practiceName: practice.name, ...(practice.letterhead ? { tagline: practice.letterhead } : {}), addressLines: practice.addressLines },
    marking: 'Private and confidential',
    recipientLines: [...(recipient.person ? [recipient.person] : []), recipient.organisation],
    reference: `Our reference: ${summary.reference}`,
    date: longDate(summary.letterDate),
    salutation: recipient.person ? `Dear ${recipient.person},` : 'Dear Sir or Madam,',
    subject: subjectLine(summary),
    opening: [confirmation + jointWork],
    ...(sessions > 0 ? { datesHeading: sessions === 1 ? 'The session attended was on:' : 'The sessions attended were on:' } : {}),
    dates: listedDates(attended.dates),
    ...(otherCounts.length > 0 ? { otherCountsHeading: 'In the same period:' } : {}),
    otherCounts,
    closingParagraphs: [
      `We send this letter with the written consent of ${who}, signed on ${longDate(summary.consentSignedOn)}, to release attendance information to ${recipient.organisation}. ` +
        `It contains only ${released}. It does not contain anything said in sessions, our notes, any assessment or diagnosis, or information about any other person.`,
      'If you have any questions about this letter, please contact us and quote our reference.',
    ],
    valediction: recipient.person ? 'Yours sincerely,' : 'Yours faithfully,',
    signature: { name: summary.signatory.name, role: summary.signatory.role, practiceName: practice.name },
    footer: (page, pages) => `Private and confidential  ·  Our reference ${summary.reference}  ·  Page ${page} of ${pages}`,
  };
}
