import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coupleWithJointNote } from '../support/practices';
import { newVault, PASSPHRASE, tempFolder, USER, type TestDoor } from '../support/vault-fixture';

// Three defects a read of the code found (issue 8): each is a rule about whose file a record is in.
let folder: ReturnType<typeof tempFolder>;
let door: TestDoor;
beforeEach(async () => {
  folder = tempFolder();
  ({ door } = await newVault(join(folder.dir, 'vault')));
});
afterEach(() => folder.cleanup());

const jointNote = () =>
  coupleWithJointNote((method, input) => door.call(method, input), 'Both came.', { opened: '2024-03-01', session: '2024-03-08T10:00' });

describe('a joint note read in one partner’s file', () => {
  it('names only the other partner as its other subject, whichever way it is read', async () => {
    const { alex, blake, noteId } = await jointNote();
    const inAlex = await door.call('notes.get', { noteId, clientId: alex.id });
    expect(inAlex.otherSubjects.map((s) => s.id)).toEqual([blake.id]);
    const inBlake = await door.call('notes.get', { noteId, clientId: blake.id });
    expect(inBlake.otherSubjects.map((s) => s.id)).toEqual([alex.id]);
    const amended = await door.call('notes.amend', { noteId, clientId: blake.id, body: 'Both came on time.', reason: 'detail' });
    expect(amended.otherSubjects.map((s) => s.id)).toEqual([alex.id]);
  });

  it('keeps each partner’s comment on its accuracy in that partner’s own file only', async () => {
    const { alex, blake, noteId } = await jointNote();
    const afterAlex = await door.call('notes.addClientComment', { noteId, clientId: alex.id, comment: 'ALEX-WORDS about it' });
    expect(afterAlex.clientComments.map((c) => c.comment)).toEqual(['ALEX-WORDS about it']);
    const afterBlake = await door.call('notes.addClientComment', { noteId, clientId: blake.id, comment: 'BLAKE-WORDS about it' });
    expect(afterBlake.clientComments.map((c) => c.comment)).toEqual(['BLAKE-WORDS about it']);

    const blakeFile = JSON.stringify(await door.call('notes.list', { clientId: blake.id }));
    expect(blakeFile).toContain('BLAKE-WORDS');
    expect(blakeFile).not.toContain('ALEX-WORDS');
    const alexNote = JSON.stringify(await door.call('notes.get', { noteId, clientId: alex.id }));
    expect(alexNote).toContain('ALEX-WORDS');
    expect(alexNote).not.toContain('BLAKE-WORDS');
  });

  it('is not there at all when opened from the file of someone it is not about', async () => {
    const { noteId } = await jointNote();
    const stranger = await door.call('clients.create', { name: 'Casey Other' });
    expect(await door.raw('notes.get', { noteId, clientId: stranger.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await door.raw('notes.addClientComment', { noteId, clientId: stranger.id, comment: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});

describe('equality monitoring is special-category data', () => {
  const DIRECTOR = { name: 'Dee Director', passphrase: 'dee directs the whole practice' };

  it('a director who is not the client’s therapist is not shown it and cannot change it; the therapist can', async () => {
    const client = await door.call('clients.create', {
      name: 'Dana Cole',
      equality: { consentRecorded: true, ethnicity: 'EQUALITY-MARKER-ETHNICITY' },
    });
    expect(client.can).toMatchObject({ seeEqualityMonitoring: true, readNotes: true });
    await door.call('users.create', { name: DIRECTOR.name, roles: ['director'], passphrase: DIRECTOR.passphrase });
    await door.call('vault.lock', {});

    await door.call('vault.unlock', { userName: DIRECTOR.name, passphrase: DIRECTOR.passphrase });
    const seen = await door.call('clients.get', { clientId: client.id });
    expect(seen.equality).toBeNull();
    expect(seen.can).toEqual({ readNotes: false, writeNotes: false, editDetails: true, seeEqualityMonitoring: false, openCase: true });
    expect(JSON.stringify(seen)).not.toContain('EQUALITY-MARKER');
    expect(await door.raw('clients.update', { clientId: client.id, equalityWithdrawn: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await door.raw('clients.update', { clientId: client.id, equality: { consentRecorded: true, gender: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // Identity details are still the director's to keep up to date.
    expect((await door.call('clients.update', { clientId: client.id, phone: '0113 496 0001' })).phone).toBe('0113 496 0001');
    await door.call('vault.lock', {});

    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    expect((await door.call('clients.get', { clientId: client.id })).equality).toMatchObject({ ethnicity: 'EQUALITY-MARKER-ETHNICITY' });
  });
});
