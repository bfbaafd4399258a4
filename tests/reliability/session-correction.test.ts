import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openVaultDatabaseIndependently } from '../support/independent-open';
import { newVault, PASSPHRASE, tempFolder, type TestDoor } from '../support/vault-fixture';
import { recordTablesOf } from '../support/record-tables';

/**
 * A session recorded with the wrong date, time, duration, modality or attendance could not be put right.
 * `sessions.update` corrects it: audited, what it replaced kept as history, and when attendance changes the
 * subjects of the session's notes (and the search index) follow, so a note never stays in the file of a
 * client who was not there.
 */
const TESS = { name: 'Tess Morgan', passphrase: 'tess has her own passphrase' };
const DEE = { name: 'Dee Director', passphrase: 'dee directs the practice' };

let now = Date.parse('2026-11-23T14:32:00Z');
const clock = () => new Date(now);

let folder: ReturnType<typeof tempFolder>;
let vaultDir: string;
let door: TestDoor;
beforeEach(async () => {
  folder = tempFolder();
  vaultDir = join(folder.dir, 'vault');
  now = Date.parse('2026-11-23T14:32:00Z');
  ({ door } = await newVault(vaultDir, clock, 'Europe/London'));
});
afterEach(() => folder.cleanup());

async function coupleWithJointSession() {
  const alex = await door.call('clients.create', { name: 'Alex Rivers' });
  const blake = await door.call('clients.create', { name: 'Blake Rivers' });
  const kase = await door.call('cases.create', { kind: 'couple', participantIds: [alex.id, blake.id], openedOn: '2026-11-01' });
  const session = await door.call('sessions.create', {
    caseId: kase.id,
    startsAt: '2026-11-10T10:00',
    durationMinutes: 50,
    modality: 'in-person',
    status: 'attended',
    attendeeIds: [alex.id, blake.id],
  });
  const draft = await door.call('notes.saveDraft', { about: { type: 'session', sessionId: session.id }, body: 'Alex spoke of QUARRYWORD' });
  await door.call('notes.finalise', { noteId: draft.noteId, clientId: alex.id });
  await door.call('notes.amend', { noteId: draft.noteId, clientId: alex.id, body: 'Alex spoke of QUARRYWORD and LANTERNWORD', reason: 'added detail' });
  return { alex, blake, kase, session, noteId: draft.noteId };
}

const found = async (text: string, clientId: string) => (await door.call('search.query', { text, clientId })).hits.map((h) => h.noteId);

describe('correcting a session', () => {
  it('changes date, time, duration and modality, and keeps what they were as history', async () => {
    const { alex, session } = await coupleWithJointSession();
    const corrected = await door.call('sessions.update', {
      sessionId: session.id,
      startsAt: '2026-11-11T15:30',
      durationMinutes: 80,
      modality: 'video',
      reason: 'Entered on the wrong day',
    });
    expect(corrected).toMatchObject({ startsAt: '2026-11-11T15:30', durationMinutes: 80, modality: 'video', status: 'attended' });
    expect(corrected.corrections).toEqual([
      {
        correctedAt: '2026-11-23T14:32:00.000Z',
        correctedBy: 'Sam Okafor',
        reason: 'Entered on the wrong day',
        previous: {
          startsAt: '2026-11-10T10:00',
          durationMinutes: 50,
          modality: 'in-person',
          status: 'attended',
          attendees: session.attendees,
        },
      },
    ]);
    expect((await door.call('sessions.list', { clientId: alex.id })).sessions).toEqual([{ ...corrected, otherSubjects: corrected.attendees.filter((a) => a.id !== alex.id) }]);
  });

  it('re-derives the subjects of the session’s notes and the search index when attendance changes', async () => {
    const { alex, blake, session, noteId } = await coupleWithJointSession();
    expect(await found('QUARRYWORD', blake.id)).toEqual([noteId]);
    expect(await found('LANTERNWORD', blake.id)).toEqual([noteId]);

    const alone = await door.call('sessions.update', { sessionId: session.id, attendeeIds: [alex.id], reason: 'Blake did not come' });
    expect(alone).toMatchObject({ individual: true, attendees: [{ id: alex.id }] });
    expect((await door.call('notes.get', { noteId, clientId: alex.id })).subjects.map((s) => s.id)).toEqual([alex.id]);
    // Blake's file no longer holds the session, its note, or any way to find them.
    expect((await door.call('sessions.list', { clientId: blake.id })).sessions).toEqual([]);
    expect((await door.call('notes.list', { clientId: blake.id })).notes).toEqual([]);
    expect(await found('QUARRYWORD', blake.id)).toEqual([]);
    expect(await found('LANTERNWORD', blake.id)).toEqual([]);
    expect(await found('QUARRYWORD', alex.id)).toEqual([noteId]);
    expect(await found('LANTERNWORD', alex.id)).toEqual([noteId]);
    const everywhere = (await door.call('search.query', { text: 'LANTERNWORD' })).hits.map((h) => h.client.id);
    expect(everywhere).toEqual([alex.id]);

    await door.call('sessions.update', { sessionId: session.id, attendeeIds: [alex.id, blake.id], reason: 'Blake came after all' });
    expect(await found('LANTERNWORD', blake.id)).toEqual([noteId]);
    expect((await door.call('sessions.list', { clientId: blake.id })).sessions[0]?.corrections).toHaveLength(2);
  });

  it('is audited, naming the fields changed and no values', async () => {
    const { alex, session } = await coupleWithJointSession();
    await door.call('sessions.update', { sessionId: session.id, status: 'did-not-attend', attendeeIds: [alex.id] });
    await door.call('vault.lock', {});
    const db = await openVaultDatabaseIndependently(vaultDir, PASSPHRASE);
    const entries = db.prepare(`SELECT target_id, detail FROM audit_log WHERE action = 'session.correct'`).all();
    db.close();
    expect(entries).toEqual([{ target_id: session.id, detail: JSON.stringify({ fields: 'attendeeIds,status' }) }]);
  });

  it('a correction that changes nothing changes no record and keeps no history (the attempt is still audited)', async () => {
    const { alex, blake, session } = await coupleWithJointSession();
    const before = await door.call('sessions.list', { clientId: alex.id });
    const same = await door.call('sessions.update', { sessionId: session.id, startsAt: '2026-11-10T10:00', attendeeIds: [blake.id, alex.id] });
    expect(same.corrections).toEqual([]);
    expect(await door.call('sessions.list', { clientId: alex.id })).toEqual(before);
  });

  it('keeps the rules a new session keeps, and writes nothing when one is broken', async () => {
    const { alex, kase, session } = await coupleWithJointSession();
    const stranger = await door.call('clients.create', { name: 'Sol Stranger' });
    const before = await recordTablesOf(door, vaultDir, { passphrase: PASSPHRASE });
    const refusals: Array<[Record<string, unknown>, string, string]> = [
      [{ startsAt: '2026-10-31T10:00' }, 'startsAt', 'A session cannot be before the day its case opened.'],
      [{ attendeeIds: [stranger.id] }, 'attendeeIds', 'Every attendee must be a participant in this case.'],
      [{ startsAt: '2026-11-24T10:00' }, 'status', 'A session that has not started yet can be booked or cancelled, but not marked as attended or did not attend.'],
      [{ status: 'did-not-attend', startsAt: '2026-11-23T14:33' }, 'status', 'A session that has not started yet can be booked or cancelled, but not marked as attended or did not attend.'],
    ];
    for (const [change, path, message] of refusals) {
      const result = await door.core.call('sessions.update', { sessionId: session.id, ...change });
      expect({ change, result }).toMatchObject({ change, result: { ok: false, error: { code: 'invalid-input', message, issues: [{ path }] } } });
    }
    expect(await recordTablesOf(door, vaultDir, { passphrase: PASSPHRASE })).toEqual(before);
    // After the case closes, a correction may not move the session past the closing day.
    await door.call('cases.close', { caseId: kase.id, closedOn: '2026-11-20' });
    expect(await door.raw('sessions.update', { sessionId: session.id, startsAt: '2026-11-21T10:00' })).toMatchObject({
      ok: false,
      error: { message: 'A session cannot be after the day its case closed.' },
    });
    expect(await door.raw('sessions.update', { sessionId: session.id, startsAt: '2026-11-19T10:00', attendeeIds: [alex.id] })).toMatchObject({
      ok: true,
    });
  });

  it('a booked session is marked attended once its time has come, not before', async () => {
    const { alex, kase } = await coupleWithJointSession();
    const booked = await door.call('sessions.create', {
      caseId: kase.id,
      startsAt: '2026-11-30T10:00',
      durationMinutes: 50,
      modality: 'video',
      status: 'booked',
      attendeeIds: [alex.id],
    });
    expect(await door.raw('sessions.update', { sessionId: booked.id, status: 'attended' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    now = Date.parse('2026-11-30T10:05:00Z');
    expect(await door.call('sessions.update', { sessionId: booked.id, status: 'attended' })).toMatchObject({
      status: 'attended',
      corrections: [{ previous: { status: 'booked' } }],
    });
  });

  it('cannot remove a client who has commented on a note of the session', async () => {
    const { alex, blake, session, noteId } = await coupleWithJointSession();
    await door.call('notes.addClientComment', { noteId, clientId: blake.id, comment: 'I remember it differently' });
    expect(await door.raw('sessions.update', { sessionId: session.id, attendeeIds: [alex.id] })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('only the case’s therapist may correct: a director who is not sees dates only, another therapist nothing', async () => {
    const { alex, session } = await coupleWithJointSession();
    await door.call('users.create', { name: TESS.name, roles: ['therapist'], passphrase: TESS.passphrase });
    await door.call('users.create', { name: DEE.name, roles: ['director'], passphrase: DEE.passphrase });
    await door.call('sessions.update', { sessionId: session.id, durationMinutes: 55, reason: 'Ran over: client in distress' });
    await door.call('vault.lock', {});

    await door.call('vault.unlock', { userName: DEE.name, passphrase: DEE.passphrase });
    const before = await recordTablesOf(door, vaultDir, DEE);
    expect(await door.raw('sessions.update', { sessionId: session.id, durationMinutes: 60 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: "Only the case's therapist can correct its sessions." },
    });
    expect(await recordTablesOf(door, vaultDir, DEE)).toEqual(before);
    // The director sees the dates as they were, but not the reason, which may say something clinical.
    const seen = (await door.call('sessions.list', { clientId: alex.id })).sessions[0];
    expect(seen?.corrections).toMatchObject([{ reason: null, previous: { durationMinutes: 50 } }]);
    await door.call('vault.lock', {});

    await door.call('vault.unlock', { userName: TESS.name, passphrase: TESS.passphrase });
    const beforeTess = await recordTablesOf(door, vaultDir, TESS);
    expect(await door.raw('sessions.update', { sessionId: session.id, durationMinutes: 60 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await recordTablesOf(door, vaultDir, TESS)).toEqual(beforeTess);
    await door.call('vault.lock', {});
    await door.call('vault.unlock', { passphrase: PASSPHRASE });
    expect((await door.call('sessions.list', { clientId: alex.id })).sessions[0]).toMatchObject({ durationMinutes: 55 });
  });
});
