/**
 * Documents: the attendance letter (cold, in a fresh process, and warm), its CSV, and destruction
 * certificates of 100, 1,000 and 10,000 references (BENCH_CERTIFICATE_REFERENCES sets the largest).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { attendanceCsv } from '../electron/core/documents/attendance-csv';
import { attendanceLetterPdf } from '../electron/core/documents/attendance-letter-pdf';
import type { AttendanceSummary } from '../electron/core/documents/attendance-summary';
import { destructionCertificatePdf } from '../electron/core/documents/destruction-certificate-pdf';
import { loadDocumentFonts } from '../electron/core/documents/fonts';

const LARGEST = Number(process.env.BENCH_CERTIFICATE_REFERENCES ?? 10_000);
const fonts = loadDocumentFonts(join(import.meta.dirname, '..', 'resources'));
const createdAt = new Date('2031-04-02T10:15:00Z');

const dates = Array.from({ length: 40 }, (_, week) => new Date(Date.UTC(2030, 0, 7 + week * 7)).toISOString().slice(0, 10));
const summary: AttendanceSummary = {
  practice: { name: 'Riverside Counselling', addressLines: ['14 Wharf Street', 'Leeds', 'LS2 7EQ'], letterhead: 'Counselling and psychotherapy' },
  signatory: { name: 'Sam Okafor', role: 'Counsellor' },
  recipient: { organisation: 'Leeds Community Mental Health Team', person: 'Dr Priya Shah' },
  client: { name: 'Alex Morgan', dateOfBirth: '1990-05-03' },
  period: { from: '2030-01-01', to: '2030-12-31' },
  attended: { dates, count: dates.length },
  didNotAttendCount: 2,
  individualSessionsOnly: false,
  consentSignedOn: '2031-03-28',
  letterDate: '2031-04-02',
  reference: 'AS-2031-0042',
};

function time<T>(make: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = make();
  return { ms: performance.now() - start, value };
}

function median(runs: number, make: () => unknown): string {
  const times = Array.from({ length: runs }, () => time(make).ms).sort((a, b) => a - b);
  return `median ${times[Math.floor(runs / 2)]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms (${runs} runs)`;
}

const cold = time(() => attendanceLetterPdf(summary, { fonts, createdAt }));
console.log(`attendance letter, first in the process: ${cold.ms.toFixed(0)} ms, ${cold.value.length} bytes`);
console.log(`attendance letter (40 dates), warm: ${median(11, () => attendanceLetterPdf(summary, { fonts, createdAt }))}`);
console.log(`attendance CSV: ${median(51, () => attendanceCsv(summary))}`);
for (const references of [100, 1_000, LARGEST]) {
  const certificate = {
    practice: { name: 'Riverside Counselling', addressLines: ['14 Wharf Street', 'Leeds', 'LS2 7EQ'] },
    runId: '3f2b8c1e-5d7a-4c2b-9e1f-0a6b7c8d9e10',
    date: '2031-03-14',
    authorisedBy: { name: 'Pat Lee', role: 'Practice director' },
    destroyed: Array.from({ length: references }, (_, index) => ({ reference: `C-${1000 + index}`, records: 1, sessions: index % 40, notes: index % 55, recordings: index % 9 === 0 ? 1 : 0 })),
    rulesApplied: ['Client records are kept for 7 years after the client’s last case closed, then destroyed.'],
  };
  const { ms, value } = time(() => destructionCertificatePdf(certificate, { fonts, createdAt }));
  const pages = (value.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  console.log(`destruction certificate, ${references.toLocaleString('en-GB')} references: ${ms.toFixed(0)} ms, ${pages} pages, ${(value.length / 1024).toFixed(0)} KiB`);
}
