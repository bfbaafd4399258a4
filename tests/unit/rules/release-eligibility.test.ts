import { describe, expect, it } from 'vitest';
import {
  consentDatesProblems,
  consentStatus,
  planRelease,
  recipientCovered,
  type ConsentFacts,
  type ReleaseRequest,
  type SessionFacts,
} from '../../../shared/rules/release-eligibility';

const TODAY = '2026-11-23';
const CMHT = { organisation: 'Leeds Community Mental Health Team', person: 'Dr Priya Shah' };

function consent(overrides: Partial<ConsentFacts> = {}): ConsentFacts {
  return {
    id: 'alex-1',
    clientId: 'alex',
    recipient: CMHT,
    periodFrom: '2026-09-01',
    periodTo: '2026-12-31',
    signedOn: '2026-11-16',
    expiresOn: '2027-11-15',
    withdrawnOn: null,
    coversMissedAndCancelled: true,
    ...overrides,
  };
}

const request = (overrides: Partial<ReleaseRequest> = {}): ReleaseRequest => ({
  clientId: 'alex',
  period: { from: '2026-10-01', to: '2026-11-20' },
  consentId: 'alex-1',
  includeMissedAndCancelled: false,
  jointSessions: 'include',
  today: TODAY,
  ...overrides,
});

const sessions: SessionFacts[] = [
  { id: 's1', date: '2026-10-05', outcome: 'attended', attendeeIds: ['alex', 'blake'] },
  { id: 's2', date: '2026-10-12', outcome: 'attended', attendeeIds: ['alex'] },
  { id: 's3', date: '2026-10-19', outcome: 'did-not-attend', attendeeIds: ['alex', 'blake'] },
  { id: 's4', date: '2026-10-26', outcome: 'cancelled', attendeeIds: ['alex'] },
  { id: 's5', date: '2026-11-09', outcome: 'attended', attendeeIds: ['alex'] },
  { id: 's6', date: '2026-09-28', outcome: 'attended', attendeeIds: ['alex'] },
];

describe('a consent’s standing on a given day', () => {
  it('is valid from the day it was signed to its expiry date, both included; withdrawal is final', () => {
    const dates = { signedOn: '2026-11-16', expiresOn: '2027-11-15', withdrawnOn: null };
    expect(consentStatus(dates, '2026-11-15')).toBe('not-yet-signed');
    expect(consentStatus(dates, '2026-11-16')).toBe('valid');
    expect(consentStatus(dates, '2027-11-15')).toBe('valid');
    expect(consentStatus(dates, '2027-11-16')).toBe('expired');
    expect(consentStatus({ ...dates, withdrawnOn: '2026-11-20' }, '2026-11-21')).toBe('withdrawn');
  });

  it('refuses a period that ends before it starts and an expiry before the signature, naming the field', () => {
    expect(consentDatesProblems({ periodFrom: '2026-09-01', periodTo: '2026-08-31', signedOn: '2026-11-16', expiresOn: '2026-11-15' })).toEqual([
      { path: 'periodTo', message: 'The period covered cannot end before it starts' },
      { path: 'expiresOn', message: 'The consent cannot expire before the date it was signed' },
    ]);
    expect(consentDatesProblems({ periodFrom: '2026-09-01', periodTo: '2026-09-01', signedOn: '2026-11-16', expiresOn: '2026-11-16' })).toEqual([]);
  });

  it('covers a recipient by organisation, and a named person only if the consent names no one else', () => {
    expect(recipientCovered({ organisation: 'leeds community  mental health team', person: null }, CMHT)).toBe(true);
    expect(recipientCovered({ organisation: CMHT.organisation, person: 'DR PRIYA SHAH' }, CMHT)).toBe(true);
    expect(recipientCovered({ organisation: CMHT.organisation, person: 'Dr Jones' }, CMHT)).toBe(false);
    expect(recipientCovered({ organisation: CMHT.organisation, person: 'Dr Jones' }, { ...CMHT, person: null })).toBe(false);
    expect(recipientCovered({ organisation: 'Leeds City Council', person: null }, CMHT)).toBe(false);
  });
});

describe('planning a release', () => {
  it('lists every other attendee of a joint session whose consent is missing, and counts nothing from it', () => {
    const plan = planRelease(request(), [consent()], sessions);
    expect(plan.problem).toBeNull();
    expect(plan.missing).toEqual([{ clientId: 'blake', sessionDates: ['2026-10-05'], reason: 'no-consent' }]);
    expect(plan.attendedDates).toEqual(['2026-10-12', '2026-11-09']);
    expect(plan.jointSessions).toBe(1);
  });

  it('“individual sessions only” leaves joint sessions out and says so', () => {
    const plan = planRelease(request({ jointSessions: 'exclude', includeMissedAndCancelled: true }), [consent()], sessions);
    expect(plan).toMatchObject({ missing: [], attendedDates: ['2026-10-12', '2026-11-09'], didNotAttendCount: 0, cancelledCount: 1, jointSessions: 2, individualSessionsOnly: true, reliedOn: ['alex-1'] });
  });

  it('counts a joint session when every other attendee’s consent covers it, and relies on that consent', () => {
    const blake = consent({ id: 'blake-1', clientId: 'blake', recipient: { organisation: CMHT.organisation, person: null }, coversMissedAndCancelled: false });
    const plan = planRelease(request(), [consent(), blake], sessions);
    expect(plan).toMatchObject({ missing: [], attendedDates: ['2026-10-05', '2026-10-12', '2026-11-09'], reliedOn: ['alex-1', 'blake-1'] });
    // A missed joint session needs the partner's consent to missed and cancelled counts too.
    const withCounts = planRelease(request({ includeMissedAndCancelled: true }), [consent(), blake], sessions);
    expect(withCounts.missing).toEqual([{ clientId: 'blake', sessionDates: ['2026-10-19'], reason: 'counts' }]);
  });

  it('says why a partner’s consent does not cover them: withdrawn, expired, another period, another recipient', () => {
    const blake = (overrides: Partial<ConsentFacts>) => [consent(), consent({ id: 'blake-1', clientId: 'blake', ...overrides })];
    const reason = (consents: ConsentFacts[]) => planRelease(request(), consents, sessions).missing[0]?.reason;
    expect(reason(blake({ withdrawnOn: '2026-11-20' }))).toBe('withdrawn');
    expect(reason(blake({ signedOn: '2025-01-01', expiresOn: '2025-12-31' }))).toBe('expired');
    expect(reason(blake({ periodFrom: '2026-11-01' }))).toBe('period');
    expect(reason(blake({ recipient: { organisation: 'Leeds City Council', person: null } }))).toBe('no-consent');
    expect(reason(blake({ recipient: { organisation: CMHT.organisation, person: 'Dr Jones' } }))).toBe('no-consent');
  });

  it('refuses the client’s own consent when withdrawn, expired, not covering the period or attendance only', () => {
    const problem = (c: ConsentFacts, r: Partial<ReleaseRequest> = {}) => planRelease(request(r), [c], sessions).problem;
    expect(problem(consent({ withdrawnOn: '2026-11-20' }))?.message).toBe('This consent was withdrawn on 20 November 2026: nothing can be released on it');
    expect(problem(consent({ signedOn: '2025-01-01', expiresOn: '2025-12-31' }))?.message).toBe('This consent expired on 31 December 2025: nothing can be released on it');
    expect(problem(consent({ periodFrom: '2026-10-02' }))).toEqual({
      path: 'periodFrom',
      message: 'The consent covers 2 October 2026 to 31 December 2026: choose a period within it',
    });
    expect(problem(consent({ coversMissedAndCancelled: false }), { includeMissedAndCancelled: true })?.path).toBe('includeMissedAndCancelled');
    expect(problem(consent(), { period: { from: '2026-10-01', to: '2026-11-24' } })?.message).toBe('The period cannot end after today');
    expect(problem(consent({ clientId: 'blake' }))?.path).toBe('consentId');
  });

  it('takes only the period’s sessions, and only those the client attended or was due to attend', () => {
    const plan = planRelease(request({ period: { from: '2026-10-06', to: '2026-10-31' } }), [consent()], [...sessions, { id: 'b', date: '2026-10-13', outcome: 'attended', attendeeIds: ['blake'] }]);
    expect(plan).toMatchObject({ attendedDates: ['2026-10-12'], missing: [] });
  });
});
