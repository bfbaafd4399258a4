import { checkedAttendanceSummary, type AttendanceSummary } from './attendance-summary';
import { csvText, inertCell } from './csv';

export const ATTENDANCE_CSV_HEADER = ['Practice', 'Reference', 'Client name', 'Date of birth', 'Period from', 'Period to', 'Entry', 'Session date', 'Sessions'] as const;

/**
 * The attendance summary as CSV: one row per session attended, then the totals. Every row repeats who
 * and what it is about, so a row copied elsewhere still says so. Dates are ISO (YYYY-MM-DD) for
 * spreadsheets; the letter writes them out.
 */
export function attendanceCsv(input: AttendanceSummary): string {
  return csvText(attendanceCsvRows(input));
}

/** The CSV's rows as a spreadsheet shows them (formula-like cells already made inert), for the preview. */
export function attendanceCsvCells(input: AttendanceSummary): string[][] {
  return attendanceCsvRows(input).map((row) => row.map(inertCell));
}

function attendanceCsvRows(input: AttendanceSummary): string[][] {
  const summary = checkedAttendanceSummary(input);
  const about = [
    summary.practice.name,
    summary.reference,
    summary.client.name ?? '',
    summary.client.dateOfBirth ?? '',
    summary.period.from,
    summary.period.to,
  ];
  const total = summary.individualSessionsOnly
    ? 'Total sessions attended (individual sessions only: joint work excluded)'
    : 'Total sessions attended';
  return [
    [...ATTENDANCE_CSV_HEADER],
    ...summary.attended.dates.map((date) => [...about, 'Session attended', date, '1']),
    [...about, total, '', String(summary.attended.count)],
    ...(summary.didNotAttendCount === undefined ? [] : [[...about, 'Booked sessions not attended', '', String(summary.didNotAttendCount)]]),
    ...(summary.cancelledCount === undefined ? [] : [[...about, 'Sessions cancelled', '', String(summary.cancelledCount)]]),
  ];
}
