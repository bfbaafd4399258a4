import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, newVault, PASSPHRASE, tempFolder, USER, type TestDoor } from '../support/vault-fixture';

/**
 * Marking a record as entered in error is a director's act, refused in the core to a therapist even on their own
 * client; once marked, the client file and the dashboard say so with the director's reason, and the register the
 * purge leaves names no one and keeps no reason.
 */
const TESS = { name: 'Tess Ward', passphrase: 'tess has her own passphrase' };
const folder = tempFolder();
let door: TestDoor;
let ids: { duplicate: string; client: string; session: string };

beforeAll(async () => {
  ({ door } = await newVault(join(folder.dir, 'vault'), fixedClock('2026-11-25T10:00:00Z'), 'Europe/London'));
  await door.call('users.create', { name: TESS.name, roles: ['therapist'], passphrase: TESS.passphrase });
  await door.call('vault.lock', {});
  await door.call('vault.unlock', { userName: TESS.name, passphrase: TESS.passphrase });
  const duplicate = await door.call('clients.create', { name: 'Ann Lee' });
  const client = await door.call('clients.create', { name: 'Ann Leigh' });
  const kase = await door.call('cases.create', { kind: 'individual', participantIds: [client.id], openedOn: '2026-11-02' });
  const session = await door.call('sessions.create', {
    caseId: kase.id,
    startsAt: '2026-11-09T10:00',
    durationMinutes: 50,
    modality: 'video',
    status: 'attended',
    attendeeIds: [client.id],
  });
  ids = { duplicate: duplicate.id, client: client.id, session: session.id };
}, 60_000);
afterAll(() => folder.cleanup());

describe('marking a record as entered in error', () => {
  it('is refused to a therapist, on their own client and their own session, and the file offers them no such act', async () => {
    const refusal = { ok: false, error: { code: 'forbidden', message: 'Only a practice director can mark a record as entered in error.' } };
    expect(await door.raw('retention.markEnteredInError', { clientId: ids.duplicate, reason: 'A duplicate' })).toMatchObject(refusal);
    expect(await door.raw('retention.markEnteredInError', { sessionId: ids.session, reason: 'The wrong client' })).toMatchObject(refusal);
    const file = await door.call('retention.clientDue', { clientId: ids.duplicate });
    expect(file.can.markEnteredInError).toBe(false);
    expect(file.enteredInError).toBeUndefined();
    expect(file.decision.rule).not.toBe('entered-in-error');
  });

  it('a director’s marking shows in the client file and on the dashboard, with the reason, due now', async () => {
    await door.call('vault.lock', {});
    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    await door.call('retention.markEnteredInError', { clientId: ids.duplicate, reason: 'Added twice; C-0002 is the real record' });
    await door.call('retention.markEnteredInError', { sessionId: ids.session, reason: 'Recorded on the wrong client' });

    const duplicate = await door.call('retention.clientDue', { clientId: ids.duplicate });
    expect(duplicate).toMatchObject({
      due: true,
      decision: { rule: 'entered-in-error', dueOn: '2026-11-25' },
      enteredInError: { reason: 'Added twice; C-0002 is the real record', markedBy: USER, markedOn: '2026-11-25' },
      can: { markEnteredInError: true },
    });
    const client = await door.call('retention.clientDue', { clientId: ids.client });
    expect(client.enteredInError).toBeUndefined();
    expect(client.sessionsInError).toEqual([
      { sessionId: ids.session, caseReference: 'K-0001', on: '2026-11-09', held: false, reason: 'Recorded on the wrong client', markedBy: USER, markedOn: '2026-11-25' },
    ]);

    const overview = await door.call('retention.overview', {});
    expect(overview.dueNow.map((c) => [c.reference, c.enteredInError?.reason])).toEqual([['C-0001', 'Added twice; C-0002 is the real record']]);
    expect(overview.sessionsInError.map((s) => [s.caseReference, s.on, s.reason, s.held])).toEqual([['K-0001', '2026-11-09', 'Recorded on the wrong client', false]]);
    expect(JSON.stringify(overview)).not.toMatch(/Ann Le/);
  });

  it('a hold on the case shows the marked session as held', async () => {
    const kase = (await door.call('cases.list', { clientId: ids.client })).cases[0]!;
    const hold = await door.call('holds.place', { caseId: kase.id, kind: 'complaint', reference: 'Complaint 2026/3' });
    expect((await door.call('retention.overview', {})).sessionsInError.map((s) => s.held)).toEqual([true]);
    await door.call('holds.release', { holdId: hold.id });
  });

  it('the purge destroys both; the register and certificate keep neither the reason nor a name', async () => {
    const preview = await door.call('retention.purgePreview', {});
    const run = await door.call('retention.purge', { currentPassphrase: PASSPHRASE, planDigest: preview.planDigest });
    expect(run.certificate.destroyed.map((d) => d.reference)).toEqual(['C-0001', 'K-0001, session of 2026-11-09']);
    const register = await door.call('retention.register', {});
    const written = JSON.stringify([register, run]);
    for (const secret of ['Ann Le', 'Added twice', 'Recorded on the wrong client']) expect(written).not.toContain(secret);
    const after = await door.call('retention.overview', {});
    expect([after.dueNow, after.sessionsInError]).toEqual([[], []]);
    expect((await door.call('retention.clientDue', { clientId: ids.client })).sessionsInError).toEqual([]);
  });
});
