import type { Call } from './practices';

/**
 * A practice with records dated years back, built on a clock the caller moves (`at`): cases closed 2015–2019, a
 * minor kept to their 25th birthday, a couple where one partner falls due first, a client under a court hold, one
 * with an open release consent, a hold released, a case still open, a case closed on 29 February, a client who
 * never had a case, and a duplicate marked as entered in error. Each client's expected decision on TODAY is
 * spelled out by the tests that use it.
 */
export const TODAY = '2026-11-25';

export type Clock = { at(date: string): void };

export async function retentionPractice(call: Call, clock: Clock) {
  const client = (name: string, dateOfBirth?: string) => call('clients.create', { name, ...(dateOfBirth ? { dateOfBirth } : {}) });
  const individual = (clientId: string, openedOn: string) => call('cases.create', { kind: 'individual', participantIds: [clientId], openedOn });
  const close = (caseId: string, closedOn: string) => call('cases.close', { caseId, closedOn });

  clock.at('2015-01-05');
  const ada = await client('Ada Adult', '1970-01-01');
  const ivy = await client('Ivy Ongoing', '1980-05-05');
  const ivyCase = await individual(ivy.id, '2015-01-05');
  clock.at('2015-03-20');
  const adaCase = await individual(ada.id, '2015-02-01');
  await close(adaCase.id, '2015-03-14');
  clock.at('2015-06-01');
  const jo = await client('Jo Enquiry');

  clock.at('2016-03-01');
  const ben = await client('Ben Young', '2001-06-01');
  const benCase = await individual(ben.id, '2016-01-04');
  const leap = await client('Lee Leap', '1975-07-07');
  const leapCase = await individual(leap.id, '2016-01-04');
  await close(leapCase.id, '2016-02-29');
  const dee = await client('Dee Partner', '1980-02-02');
  const eli = await client('Eli Partner', '1981-03-03');
  const couple = await call('cases.create', { kind: 'couple', participantIds: [dee.id, eli.id], openedOn: '2016-01-10' });

  clock.at('2016-06-01');
  await close(benCase.id, '2016-05-01');

  clock.at('2017-07-01');
  await close(couple.id, '2017-06-30');
  const fay = await client('Fay Held', '1985-04-04');
  const fayCase = await individual(fay.id, '2017-01-02');
  await close(fayCase.id, '2017-04-10');

  clock.at('2018-03-01');
  const cal = await client('Cal Child', '2005-03-01');
  const calCase = await individual(cal.id, '2017-09-01');
  await close(calCase.id, '2018-02-01');
  const gus = await client('Gus Released', '1990-09-09');
  const gusCase = await individual(gus.id, '2017-10-01');
  await close(gusCase.id, '2018-01-15');

  clock.at('2019-12-31');
  const eliCase = await individual(eli.id, '2019-01-01');
  await close(eliCase.id, '2019-12-20');
  const hal = await client('Hal Cleared', '1960-10-10');
  const halCase = await individual(hal.id, '2019-02-01');
  await close(halCase.id, '2019-08-01');

  clock.at(TODAY);
  await call('holds.place', { caseId: fayCase.id, kind: 'court', reference: 'Leeds County Court LS17C00042' });
  const halHold = await call('holds.place', { clientId: hal.id, kind: 'complaint', reference: 'BACP complaint 2026/1' });
  await call('holds.release', { holdId: halHold.id });
  await call('releaseConsents.create', {
    clientId: gus.id,
    recipientOrganisation: 'Leeds Housing Options',
    purpose: 'Housing application',
    periodFrom: '2017-10-01',
    periodTo: '2018-01-15',
    signedOn: '2026-10-01',
    expiresOn: '2027-01-01',
  });
  const kim = await client('Kim Duplicate');
  await call('retention.markEnteredInError', { clientId: kim.id, reason: 'Added twice; the first record is the real one' });

  return { ada, ivy, jo, ben, leap, dee, eli, fay, cal, gus, hal, kim, cases: { fayCase, couple, eliCase } };
}
