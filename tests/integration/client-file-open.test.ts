import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../shared/contract';
import { coupleWithJointNote } from '../support/practices';
import { newVault, PASSPHRASE, tempFolder, USER, type TestDoor } from '../support/vault-fixture';

// clients.openFile is the client file in one audited call. It must show each user exactly what the four
// separate calls show them (it is built from the same services) and enter one audit entry, not four.
const DIRECTOR = { name: 'Dee Director', passphrase: 'dee directs the whole practice' };
const OTHER_THERAPIST = { name: 'Tess Morgan', passphrase: 'tess keeps her own caseload' };

let folder: ReturnType<typeof tempFolder>;
let door: TestDoor;
beforeEach(async () => {
  folder = tempFolder();
  // The practice's dates are fixed, so the core's clock is too: no test may depend on the day it runs.
  ({ door } = await newVault(join(folder.dir, 'vault'), () => new Date('2026-11-23T12:00:00Z'), 'Europe/London'));
});
afterEach(() => folder.cleanup());

/** Alex and Blake in couple work with a joint note, and each with individual work and a note of their own. */
async function couplePractice() {
  const couple = await coupleWithJointNote((method, input) => door.call(method, input), 'JOINT-NOTE both came.');
  for (const [person, marker] of [
    [couple.alex, 'ALEX-ONLY-NOTE'],
    [couple.blake, 'BLAKE-ONLY-NOTE'],
  ] as const) {
    const kase = await door.call('cases.create', { kind: 'individual', participantIds: [person.id], openedOn: '2026-11-03' });
    const session = await door.call('sessions.create', {
      caseId: kase.id,
      startsAt: '2026-11-04T10:00',
      durationMinutes: 50,
      modality: 'video',
      status: 'attended',
      attendeeIds: [person.id],
    });
    await door.call('notes.saveDraft', { about: { type: 'session', sessionId: session.id }, body: `${marker} session` });
    await door.call('notes.saveDraft', { about: { type: 'client', clientId: person.id, kind: 'client' }, body: `${marker} client` });
  }
  await door.call('users.create', { name: DIRECTOR.name, roles: ['director'], passphrase: DIRECTOR.passphrase });
  await door.call('users.create', { name: OTHER_THERAPIST.name, roles: ['therapist'], passphrase: OTHER_THERAPIST.passphrase });
  return couple;
}

/** The client file as the four separate methods give it to the signed-in user (notes null where refused). */
async function separately(clientId: string): Promise<MethodOutput<'clients.openFile'>> {
  const client = await door.call('clients.get', { clientId });
  const notes = await door.raw('notes.list', { clientId });
  if (!notes.ok) expect(notes.error.code).toBe('forbidden');
  return {
    client,
    cases: (await door.call('cases.list', { clientId })).cases,
    sessions: (await door.call('sessions.list', { clientId })).sessions,
    notes: notes.ok ? notes.value.notes : null,
  };
}

async function signIn(user: { name: string; passphrase: string }) {
  await door.call('vault.lock', {});
  await door.call('vault.unlock', { userName: user.name, passphrase: user.passphrase });
}

describe('clients.openFile', () => {
  it('gives each partner’s therapist exactly what the separate calls give, and neither partner’s own notes in the other’s file', async () => {
    const { alex, blake } = await couplePractice();
    for (const [person, own, other] of [
      [alex, 'ALEX-ONLY-NOTE', 'BLAKE-ONLY-NOTE'],
      [blake, 'BLAKE-ONLY-NOTE', 'ALEX-ONLY-NOTE'],
    ] as const) {
      const file = await door.call('clients.openFile', { clientId: person.id });
      expect(file).toEqual(await separately(person.id));
      const bodies = file.notes!.map((note) => note.body).join('\n');
      expect(bodies).toContain(`${own} session`);
      expect(bodies).toContain(`${own} client`);
      expect(bodies).toContain('JOINT-NOTE');
      expect(JSON.stringify(file)).not.toContain(other);
      expect(file.cases.map((c) => c.kind).sort()).toEqual(['couple', 'individual']);
    }
  });

  it('gives a director who is not the therapist identity, cases and dates but no notes, as the separate calls do', async () => {
    const { alex } = await couplePractice();
    await signIn(DIRECTOR);
    const file = await door.call('clients.openFile', { clientId: alex.id });
    expect(file.notes).toBeNull();
    expect(file.client.can.readNotes).toBe(false);
    expect(file).toEqual(await separately(alex.id));
    expect(JSON.stringify(file)).not.toMatch(/ONLY-NOTE|JOINT-NOTE/);
    expect(file.sessions).toHaveLength(2);
  });

  it('refuses another therapist as clients.get does, and enters the refusal once', async () => {
    const { alex } = await couplePractice();
    await signIn(OTHER_THERAPIST);
    const single = await door.raw('clients.openFile', { clientId: alex.id });
    const separate = await door.raw('clients.get', { clientId: alex.id });
    expect(single.ok).toBe(false);
    expect(separate.ok).toBe(false);
    if (single.ok || separate.ok) return;
    expect(single.error.code).toBe(separate.error.code);
    expect(JSON.stringify(single)).not.toMatch(/Alex|ONLY-NOTE|JOINT-NOTE/);
    await signIn({ name: USER, passphrase: PASSPHRASE });
    const refused = (await door.call('audit.list', { action: 'client.file.view' })).entries;
    expect(refused.map((entry) => [entry.actor?.name, entry.detail])).toEqual([[OTHER_THERAPIST.name, { outcome: 'refused', code: separate.error.code }]]);
  });

  it('enters one audit entry naming the client, where the four calls enter four', async () => {
    const { alex } = await couplePractice();
    const topSeq = async () => (await door.call('audit.list', {})).entries[0]!.seq;

    const beforeOne = await topSeq();
    const file = await door.call('clients.openFile', { clientId: alex.id });
    const afterOne = await door.call('audit.list', {});
    // The first audit.list's own entry, then the file's.
    expect(afterOne.entries[0]!.seq - beforeOne).toBe(2);
    expect(afterOne.entries[0]).toMatchObject({
      action: 'client.file.view',
      actor: { name: USER },
      clientReferences: [alex.reference],
      detail: { cases: file.cases.length, sessions: file.sessions.length, notes: file.notes!.length },
    });

    const beforeFour = await topSeq();
    await separately(alex.id);
    expect((await topSeq()) - beforeFour).toBe(5);
  });
});
