import { join } from 'node:path';
import type { AttendanceSummary } from '../../electron/core/documents/attendance-summary';
import type { DestructionCertificate } from '../../electron/core/documents/destruction-certificate';
import { loadDocumentFonts, type DocumentFonts } from '../../electron/core/documents/fonts';

let fonts: DocumentFonts | undefined;

/** The fonts the app ships, read from resources/ as the main process will. */
export function shippedFonts(): DocumentFonts {
  fonts ??= loadDocumentFonts(join(import.meta.dirname, '..', '..', 'resources'));
  return fonts;
}

export const CREATED_AT = new Date('2031-04-02T10:15:00.000Z');

/** Weekly sessions from `from` for `weeks` weeks, as ISO dates. */
export function weekly(from: string, weeks: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: weeks }, (_, week) => new Date(start + week * 7 * 86_400_000).toISOString().slice(0, 10));
}

export function sampleSummary(overrides: Partial<AttendanceSummary> = {}): AttendanceSummary {
  const dates = [...weekly('2031-01-07', 12), '2031-03-25'];
  return {
    practice: {
      name: 'Riverside Counselling',
      addressLines: ['14 Wharf Street', 'Leeds', 'LS2 7EQ', '0113 496 0000'],
      letterhead: 'Counselling and psychotherapy for individuals, couples and families',
    },
    signatory: { name: 'Sam Okafor', role: 'Counsellor (MBACP Accred.)' },
    recipient: { organisation: 'Leeds Community Mental Health Team', person: 'Dr Priya Shah' },
    client: { name: 'Alex Morgan', dateOfBirth: '1990-05-03' },
    period: { from: '2031-01-01', to: '2031-03-31' },
    attended: { dates, count: dates.length },
    didNotAttendCount: 2,
    cancelledCount: 1,
    individualSessionsOnly: true,
    consentSignedOn: '2031-03-28',
    letterDate: '2031-04-02',
    reference: 'AS-2031-0042',
    ...overrides,
  };
}

export function sampleCertificate(references: number, overrides: Partial<DestructionCertificate> = {}): DestructionCertificate {
  return {
    practice: { name: 'Riverside Counselling', addressLines: ['14 Wharf Street', 'Leeds', 'LS2 7EQ'] },
    runId: '3f2b8c1e-5d7a-4c2b-9e1f-0a6b7c8d9e10',
    date: '2031-03-14',
    authorisedBy: { name: 'Pat Lee', role: 'Practice director' },
    destroyed: Array.from({ length: references }, (_, index) => ({
      reference: `C-${String(1000 + index).padStart(4, '0')}`,
      records: 1,
      sessions: (index * 7) % 40,
      notes: (index * 11) % 55,
      recordings: index % 9 === 0 ? 1 : 0,
    })),
    rulesApplied: [
      'Client records are kept for 7 years after the client’s last case closed, then destroyed.',
      'A client who was under 18 when seen is kept until their 25th birthday, if that is later.',
      'Recordings are destroyed on the date in their consent, or at once when consent is withdrawn.',
    ],
    ...overrides,
  };
}
