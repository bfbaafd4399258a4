import fc from 'fast-check';
import type { AttendanceSummary } from '../../electron/core/documents/attendance-summary';
import { sampleSummary, weekly } from './document-fixtures';

/**
 * Every free-text field carries its own marker, surrounded by arbitrary printable text with no capital
 * letters (so no marker can be made by accident). Each marker must appear exactly where its field
 * belongs, as often as it belongs there, and nowhere else.
 */
export const MARKER = {
  practice: 'QXPRACTICEQX',
  letterhead: 'QXHEADQX',
  address1: 'QXADDRONEQX',
  address2: 'QXADDRTWOQX',
  signatory: 'QXSIGNERQX',
  role: 'QXROLEQX',
  organisation: 'QXORGQX',
  person: 'QXPERSONQX',
  client: 'QXCLIENTQX',
  reference: 'QXREFQX',
} as const;

const filler = fc
  .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789 éöłçñåø\'’".,;:&()/-=+@#%'.split('')), maxLength: 14 })
  .map((text) => text.trim());
const around = (marker: string, max: number) =>
  fc.tuple(filler, filler).map(([before, after]) => [before, marker, after].filter(Boolean).join(' ').slice(0, max));

export const summaries: fc.Arbitrary<AttendanceSummary> = fc
  .record({
    practice: around(MARKER.practice, 120),
    letterhead: fc.option(around(MARKER.letterhead, 200), { nil: undefined }),
    address1: around(MARKER.address1, 120),
    address2: around(MARKER.address2, 120),
    signatory: around(MARKER.signatory, 120),
    role: around(MARKER.role, 120),
    organisation: around(MARKER.organisation, 160),
    person: fc.option(around(MARKER.person, 120), { nil: undefined }),
    client: fc.option(around(MARKER.client, 120), { nil: undefined }),
    withBirthDate: fc.boolean(),
    reference: around(MARKER.reference, 40).filter((text) => text.length <= 40 && text.includes(MARKER.reference)),
    weeks: fc.integer({ min: 0, max: 60 }),
    didNotAttend: fc.option(fc.nat(30), { nil: undefined }),
    cancelled: fc.option(fc.nat(30), { nil: undefined }),
    individualSessionsOnly: fc.boolean(),
  })
  .map((drawn) => {
    const dates = weekly('2030-01-07', drawn.weeks);
    const summary = sampleSummary({
      practice: { name: drawn.practice, addressLines: [drawn.address1, drawn.address2], ...(drawn.letterhead ? { letterhead: drawn.letterhead } : {}) },
      signatory: { name: drawn.signatory, role: drawn.role },
      recipient: { organisation: drawn.organisation, ...(drawn.person ? { person: drawn.person } : {}) },
      client: { ...(drawn.client ? { name: drawn.client } : {}), ...(drawn.withBirthDate ? { dateOfBirth: '1990-05-03' } : {}) },
      period: { from: '2030-01-01', to: '2031-03-31' },
      attended: { dates, count: dates.length },
      individualSessionsOnly: drawn.individualSessionsOnly,
      reference: drawn.reference,
    });
    delete summary.didNotAttendCount;
    delete summary.cancelledCount;
    if (drawn.didNotAttend !== undefined) summary.didNotAttendCount = drawn.didNotAttend;
    if (drawn.cancelled !== undefined) summary.cancelledCount = drawn.cancelled;
    return summary;
  });
