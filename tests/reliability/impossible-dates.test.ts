import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, newVault, tempFolder, type TestDoor } from '../support/vault-fixture';

/**
 * Dates that cannot be true on the core's clock were accepted: a date of birth in 2030, a case opened next
 * year, a session marked attended next year. Every test names its clock and the practice's time zone, so the
 * answer is the same on any machine on any day.
 */
const LONDON = 'Europe/London';
const LAST_MINUTE_OF_FEBRUARY = '2026-02-28T23:58:00Z'; // 23:58 in London too (GMT in winter)

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => (folder = tempFolder()));
afterEach(() => folder.cleanup());

async function vaultAt(instant: string, timeZone = LONDON): Promise<TestDoor> {
  return (await newVault(join(folder.dir, 'vault'), fixedClock(instant), timeZone)).door;
}

async function caseFor(door: TestDoor, openedOn = '2026-01-05') {
  const client = await door.call('clients.create', { name: 'Dora Dates' });
  const kase = await door.call('cases.create', { kind: 'individual', participantIds: [client.id], openedOn });
  return { client, kase };
}

describe('a date of birth', () => {
  it('after today is refused, and today is accepted (23:58 on 28 February, born 1 March)', async () => {
    const door = await vaultAt(LAST_MINUTE_OF_FEBRUARY);
    const future = await door.raw('clients.create', { name: 'Not Born Yet', dateOfBirth: '2026-03-01' });
    expect(future).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'Date of birth cannot be in the future', issues: [{ path: 'dateOfBirth' }] },
    });
    expect((await door.call('clients.create', { name: 'Born Today', dateOfBirth: '2026-02-28' })).dateOfBirth).toBe('2026-02-28');
    expect((await door.call('clients.list', {})).clients.map((c) => c.name)).toEqual(['Born Today']);
  });

  it('in 2030 is refused when a client is updated', async () => {
    const door = await vaultAt('2026-11-23T14:32:00Z');
    const client = await door.call('clients.create', { name: 'Edit Me', dateOfBirth: '1990-12-31' });
    const result = await door.raw('clients.update', { clientId: client.id, dateOfBirth: '2030-01-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'dateOfBirth' }] } });
    expect((await door.call('clients.get', { clientId: client.id })).dateOfBirth).toBe('1990-12-31');
  });

  it('on 29 February of a leap year is today at 23:58, and 1 March is not yet', async () => {
    const door = await vaultAt('2028-02-29T23:58:00Z');
    expect(await door.raw('clients.create', { name: 'Leap Day', dateOfBirth: '2028-02-29' })).toMatchObject({ ok: true });
    expect(await door.raw('clients.create', { name: 'Too Soon', dateOfBirth: '2028-03-01' })).toMatchObject({ ok: false });
  });

  it('is judged in the practice’s time zone: at 23:58 UTC it is already 1 March in Tokyo', async () => {
    const door = await vaultAt(LAST_MINUTE_OF_FEBRUARY, 'Asia/Tokyo');
    expect(await door.raw('clients.create', { name: 'Tokyo Baby', dateOfBirth: '2026-03-01' })).toMatchObject({ ok: true });
    expect(await door.raw('clients.create', { name: 'Tokyo Later', dateOfBirth: '2026-03-02' })).toMatchObject({ ok: false });
  });
});

describe('a case', () => {
  it('cannot open after today; today is fine', async () => {
    const door = await vaultAt(LAST_MINUTE_OF_FEBRUARY);
    const client = await door.call('clients.create', { name: 'Case Client' });
    const tomorrow = await door.raw('cases.create', { kind: 'individual', participantIds: [client.id], openedOn: '2026-03-01' });
    expect(tomorrow).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'openedOn' }] } });
    if (!tomorrow.ok) expect(tomorrow.error.message).toMatch(/^Opening date cannot be in the future/);
    const nextYear = await door.raw('cases.create', { kind: 'individual', participantIds: [client.id], openedOn: '2027-01-10' });
    expect(nextYear).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await door.raw('cases.create', { kind: 'individual', participantIds: [client.id], openedOn: '2026-02-28' })).toMatchObject({ ok: true });
    expect((await door.call('cases.list', { clientId: client.id })).cases).toHaveLength(1);
  });

  it('cannot close after today', async () => {
    const door = await vaultAt(LAST_MINUTE_OF_FEBRUARY);
    const { kase } = await caseFor(door);
    const result = await door.raw('cases.close', { caseId: kase.id, closedOn: '2026-03-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'closedOn' }] } });
    expect(await door.raw('cases.close', { caseId: kase.id, closedOn: '2026-02-28' })).toMatchObject({ ok: true, value: { status: 'closed' } });
  });
});

describe('a session', () => {
  const session = (caseId: string, clientId: string, startsAt: string, status: string) => ({
    caseId,
    startsAt,
    durationMinutes: 50,
    modality: 'video',
    status,
    attendeeIds: [clientId],
  });

  it('marked attended or did-not-attend before its time is refused, to the minute', async () => {
    const door = await vaultAt(LAST_MINUTE_OF_FEBRUARY);
    const { client, kase } = await caseFor(door);
    for (const [startsAt, status] of [
      ['2026-02-28T23:59', 'attended'],
      ['2027-02-01T10:00', 'attended'],
      ['2026-03-01T09:00', 'did-not-attend'],
    ]) {
      const result = await door.core.call('sessions.create', session(kase.id, client.id, startsAt!, status!));
      expect({ startsAt, status, result }).toMatchObject({
        startsAt,
        status,
        result: {
          ok: false,
          error: {
            code: 'invalid-input',
            message: 'A session that has not started yet can be booked or cancelled, but not marked as attended or did not attend.',
            issues: [{ path: 'status' }],
          },
        },
      });
    }
    expect((await door.call('sessions.list', { clientId: client.id })).sessions).toEqual([]);
  });

  it('ahead of its time can be booked or cancelled, and one that has started can be marked attended', async () => {
    const door = await vaultAt(LAST_MINUTE_OF_FEBRUARY);
    const { client, kase } = await caseFor(door);
    for (const [startsAt, status] of [
      ['2027-02-01T10:00', 'booked'],
      ['2026-03-02T10:00', 'cancelled-by-client'],
      ['2026-03-03T10:00', 'cancelled-by-practice'],
      ['2026-02-28T23:58', 'attended'],
      ['2026-02-27T10:00', 'did-not-attend'],
      ['2026-02-20T10:00', 'booked'],
    ]) {
      const result = await door.core.call('sessions.create', session(kase.id, client.id, startsAt!, status!));
      expect({ startsAt, status, result }).toMatchObject({ startsAt, status, result: { ok: true } });
    }
    expect((await door.call('sessions.list', { clientId: client.id })).sessions).toHaveLength(6);
  });
});
