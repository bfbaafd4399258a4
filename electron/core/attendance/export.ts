import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { z } from 'zod';
import { countOf } from '../documents/long-date';
import type { attendanceExport, attendanceExportRequest } from '../../../shared/release';
import { missingConsentWords } from '../../../shared/rules/release-eligibility';
import { attendanceCsv } from '../documents/attendance-csv';
import { pdfCode } from '../pdf-code';
import type { DocumentRenderOptions } from '../documents/pdf-document';
import { ConfideError } from '../errors';
import type { ServiceContext } from '../services/context';
import { recordDisclosure } from '../services/disclosure-log';
import { checkedExportFolder, writeExportFiles } from './export-files';
import { exportFileNames, personRef, prepareRelease, type PreparedRelease } from './prepare-release';

type ExportInput = z.output<typeof attendanceExportRequest>;
type ExportOutput = z.output<typeof attendanceExport>;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Makes the attendance summary (PDF letter and CSV), enters it in the disclosure log with the SHA-256 of each
 * file, and writes the files to the chosen folder — in that order, inside the call's transaction, so a failure
 * to write rolls the log entry back and a log entry always has its files.
 */
export async function exportAttendance(ctx: ServiceContext, render: DocumentRenderOptions, vaultDir: string, input: ExportInput): Promise<ExportOutput> {
  const release = prepareRelease(ctx, input);
  if (release.plan.missing.length > 0 || release.summary === null) throw missingConsents(release);
  const folder = checkedExportFolder(input.outputFolder, vaultDir);

  const names = exportFileNames(release.reference, ctx.today());
  const { attendanceLetterPdf } = await pdfCode.attendanceLetter();
  const files = [
    { name: names.pdf, bytes: attendanceLetterPdf(release.summary, render) },
    { name: names.csv, bytes: Buffer.from(attendanceCsv(release.summary), 'utf8') },
  ].map((file) => ({ ...file, digest: { name: file.name, bytes: file.bytes.length, sha256: sha256(file.bytes) } }));

  const { plan } = release;
  const disclosure = recordDisclosure(ctx, release.referenceNo, {
    clientId: input.clientId,
    subjectIds: release.subjectIds,
    recipient: release.recipient,
    basis: 'consent',
    kind: 'attendance-summary',
    whatReleased: whatWasReleased(release, input),
    consentIds: plan.reliedOn,
    // On a written consent, the client authorised it; the person who released it answers for the release.
    authorisedBy: ctx.user.id,
    clientTold: 'consented',
    clientToldOn: null,
    attendance: {
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      sessionsAttended: plan.attendedDates.length,
      didNotAttend: input.includeMissedAndCancelled ? plan.didNotAttendCount : null,
      cancelled: input.includeMissedAndCancelled ? plan.cancelledCount : null,
      individualSessionsOnly: plan.individualSessionsOnly,
      includesName: input.includeName,
      includesDateOfBirth: input.includeDateOfBirth,
    },
    files: files.map((file) => file.digest),
  });
  const paths = writeExportFiles(folder, files);
  return { disclosure, files: files.map((file, index) => ({ ...file.digest, path: paths[index] ?? join(folder, file.name) })) };
}

/** The disclosure log's words for what left: counts and kinds only, never dates or names. */
function whatWasReleased(release: PreparedRelease, input: ExportInput): string {
  const { plan } = release;
  const identity = [input.includeName ? 'name' : null, input.includeDateOfBirth ? 'date of birth' : null].filter(Boolean).join(' and ');
  const parts = [
    `Attendance summary (letter and CSV): the client’s ${identity}, the practice, the period, and the dates of ${countOf(plan.attendedDates.length, 'session')} attended`,
  ];
  if (input.includeMissedAndCancelled) parts.push(`with the numbers of sessions missed (${plan.didNotAttendCount}) and cancelled (${plan.cancelledCount})`);
  if (plan.individualSessionsOnly) parts.push('individual sessions only (joint work excluded)');
  else if (plan.jointSessions > 0) parts.push(`including ${countOf(plan.jointSessions, 'joint session')}, on every attendee’s consent`);
  return `${parts.join('; ')}.`;
}

/**
 * The export is refused while another attendee of a joint session has not consented. The message names them
 * by reference (their names are in the preview), never the recipient: a refusal may be read out of context.
 */
function missingConsents(release: PreparedRelease): ConfideError {
  const who = release.plan.missing.map((m) => {
    const person = personRef(release.people.get(m.clientId)!);
    return `${person.reference} ${missingConsentWords(m.reason, 'this recipient')} (${countOf(m.sessionDates.length, 'joint session')})`;
  });
  const message = `Joint sessions cannot be included: ${who.join('; ')}. Record their written consent, or choose individual sessions only.`;
  return new ConfideError('forbidden', message, undefined, [{ path: 'jointSessions', message }]);
}
