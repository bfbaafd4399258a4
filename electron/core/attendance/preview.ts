import type { AttendancePreview, AttendanceLetterWords } from '../../../shared/release';
import { attendanceCsvCells } from '../documents/attendance-csv';
import { attendanceLetterContent } from '../documents/attendance-letter-content';
import { checkedAttendanceSummary } from '../documents/attendance-summary';
import { pdfCode } from '../pdf-code';
import type { DocumentRenderOptions } from '../documents/pdf-document';
import type { ServiceContext } from '../services/context';
import { exportFileNames, personRef, prepareRelease, type AttendanceInput } from './prepare-release';

/**
 * Exactly what an export would release: the letter's own words (the documents module's, not a paraphrase) and
 * the CSV's cells, or the other attendees whose consent is missing. The PDF is made and thrown away, so a
 * letter the preview shows is one the export can print.
 */
export async function previewAttendance(ctx: ServiceContext, render: DocumentRenderOptions, input: AttendanceInput): Promise<AttendancePreview> {
  const release = prepareRelease(ctx, input);
  const person = (id: string) => personRef(release.people.get(id)!);
  let letter: AttendanceLetterWords | null = null;
  let csv: string[][] | null = null;
  if (release.summary) {
    const summary = checkedAttendanceSummary(release.summary);
    const { attendanceLetterPdf } = await pdfCode.attendanceLetter();
    attendanceLetterPdf(summary, render);
    const content = attendanceLetterContent(summary);
    letter = {
      letterhead: { practiceName: content.letterhead.practiceName, tagline: content.letterhead.tagline ?? null, addressLines: [...content.letterhead.addressLines] },
      marking: content.marking,
      recipientLines: content.recipientLines,
      reference: content.reference,
      date: content.date,
      salutation: content.salutation,
      subject: content.subject,
      opening: content.opening,
      datesHeading: content.datesHeading ?? null,
      dates: content.dates,
      otherCountsHeading: content.otherCountsHeading ?? null,
      otherCounts: content.otherCounts,
      closingParagraphs: content.closingParagraphs,
      valediction: content.valediction,
      signature: content.signature,
    };
    csv = attendanceCsvCells(summary);
  }
  const names = exportFileNames(release.reference, ctx.today());
  return {
    client: release.client,
    recipient: release.recipient,
    period: { from: input.periodFrom, to: input.periodTo },
    jointSessions: release.plan.jointSessions,
    missing: release.plan.missing.map((m) => ({ client: person(m.clientId), sessionDates: m.sessionDates, reason: m.reason })),
    reliedOn: release.reliedOn.map((r) => ({ consentId: r.consentId, client: person(r.clientId), signedOn: r.signedOn, expiresOn: r.expiresOn })),
    letter,
    csv,
    fileNames: [names.pdf, names.csv],
  };
}
