import type { Call } from './practices';

export const RECIPIENT = { organisation: 'Leeds Community Mental Health Team', person: 'Dr Priya Shah' };
export const LETTERHEAD = {
  addressLines: ['14 Wharf Street', 'Leeds', 'LS2 7EQ', '0113 496 0000'],
  letterheadLine: 'Counselling and psychotherapy for individuals, couples and families',
  signatoryName: 'Sam Okafor',
  signatoryRole: 'Counsellor (MBACP Accred.)',
};

/**
 * Alex and Blake in couple work through the autumn of 2026, as an attendance summary sees it: joint sessions
 * (one attended, one missed), Alex's individual sessions (one attended, one cancelled), an individual session of
 * Blake's, and a booked session ahead. Alex has consented in writing to release to the CMHT; Blake has not.
 * Made on a clock at or after 23 November 2026.
 */
export async function coupleForRelease(call: Call, { alexBorn = '1990-05-03' } = {}) {
  await call('practice.update', LETTERHEAD);
  const alex = await call('clients.create', { name: 'Alex Rivers', dateOfBirth: alexBorn });
  const blake = await call('clients.create', { name: 'Blake Rivers', dateOfBirth: '1988-02-14' });
  const kase = await call('cases.create', { kind: 'couple', participantIds: [alex.id, blake.id], openedOn: '2026-09-01' });
  const session = (startsAt: string, status: 'attended' | 'did-not-attend' | 'cancelled-by-client' | 'booked', attendeeIds: string[]) =>
    call('sessions.create', { caseId: kase.id, startsAt, durationMinutes: 50, modality: 'in-person', status, attendeeIds });
  const joint = await session('2026-10-05T10:00', 'attended', [alex.id, blake.id]);
  await session('2026-10-12T10:00', 'attended', [alex.id]);
  await session('2026-10-19T10:00', 'did-not-attend', [alex.id, blake.id]);
  await session('2026-10-26T10:00', 'cancelled-by-client', [alex.id]);
  await session('2026-11-02T10:00', 'attended', [blake.id]);
  await session('2026-11-09T10:00', 'attended', [alex.id]);
  await session('2026-12-07T10:00', 'booked', [alex.id, blake.id]);
  const consent = await call('releaseConsents.create', {
    clientId: alex.id,
    recipientOrganisation: RECIPIENT.organisation,
    recipientPerson: RECIPIENT.person,
    purpose: 'Evidence of engagement for the CMHT referral review',
    releases: 'attendance-and-missed',
    periodFrom: '2026-09-01',
    periodTo: '2026-12-31',
    signedOn: '2026-11-16',
    expiresOn: '2027-11-15',
  });
  return { alex, blake, kase, joint, consent };
}

/** Blake's consent to release to the same recipient (the organisation, no person named). */
export function blakeConsents(call: Call, blakeId: string, overrides: { releases?: 'attendance' | 'attendance-and-missed'; expiresOn?: string; signedOn?: string } = {}) {
  return call('releaseConsents.create', {
    clientId: blakeId,
    recipientOrganisation: 'leeds community  mental health team',
    purpose: 'So Alex’s report can include our joint sessions',
    periodFrom: '2026-09-01',
    periodTo: '2026-11-30',
    signedOn: overrides.signedOn ?? '2026-11-18',
    expiresOn: overrides.expiresOn ?? '2027-05-18',
    releases: overrides.releases ?? 'attendance',
  });
}
