import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newVault, PASSPHRASE, tempFolder, USER, type TestDoor } from '../support/vault-fixture';

let folder: ReturnType<typeof tempFolder>;
let door: TestDoor;
let now = Date.parse('2026-03-27T10:00:00Z');
beforeEach(async () => {
  folder = tempFolder();
  now = Date.parse('2026-03-27T10:00:00Z');
  ({ door } = await newVault(join(folder.dir, 'vault'), () => new Date(now)));
});
afterEach(() => folder.cleanup());

const THERAPIST = { name: 'Tess Therapist', passphrase: 'tess keeps her own caseload' };

describe('the audit log, read by a practice director', () => {
  it('filters by client reference (the client and every record they are a subject of), action, user and local date', async () => {
    const alex = await door.call('clients.create', { name: 'Alex Rivers' });
    const blake = await door.call('clients.create', { name: 'Blake Rivers' });
    const kase = await door.call('cases.create', { kind: 'couple', participantIds: [alex.id, blake.id], openedOn: '2026-03-01' });
    now += 2 * 86_400_000;
    const alone = await door.call('sessions.create', {
      caseId: kase.id,
      startsAt: '2026-03-20T10:00',
      durationMinutes: 50,
      modality: 'video',
      status: 'attended',
      attendeeIds: [alex.id],
    });
    const note = await door.call('notes.saveDraft', { about: { type: 'session', sessionId: alone.id }, body: 'NOTE-CONTENT-MARKER' });
    await door.call('notes.finalise', { noteId: note.noteId, clientId: alex.id });
    await door.call('clients.get', { clientId: blake.id });

    const aboutAlex = await door.call('audit.list', { clientReference: alex.reference });
    expect(aboutAlex.entries.map((e) => e.action)).toEqual(['note.finalise', 'note.draft.create', 'session.create', 'case.create', 'client.create']);
    expect(aboutAlex.entries.find((e) => e.action === 'session.create')?.clientReferences).toEqual([alex.reference]);
    expect(aboutAlex.entries.find((e) => e.action === 'case.create')?.clientReferences).toEqual([alex.reference, blake.reference]);
    const aboutBlake = await door.call('audit.list', { clientReference: blake.reference.toLowerCase() });
    expect(aboutBlake.entries.map((e) => e.action)).toEqual(['client.view', 'case.create', 'client.create']);

    expect((await door.call('audit.list', { action: 'client.create' })).entries).toHaveLength(2);
    // The first two days: creation and the two clients and the case, not what followed.
    const firstDays = await door.call('audit.list', { from: '2026-03-27', to: '2026-03-28' });
    expect(firstDays.entries.map((e) => e.action)).not.toContain('session.create');
    expect(firstDays.entries.map((e) => e.action)).toContain('case.create');
    const log = JSON.stringify(await door.call('audit.list', {}));
    expect(log).not.toContain('NOTE-CONTENT-MARKER');
    expect(log).not.toContain('Alex Rivers');
  });

  it('is refused to a therapist, and reading it is itself in the log', async () => {
    await door.call('users.create', { name: THERAPIST.name, roles: ['therapist'], passphrase: THERAPIST.passphrase });
    await door.call('vault.lock', {});
    await door.call('vault.unlock', { userName: THERAPIST.name, passphrase: THERAPIST.passphrase });
    expect(await door.raw('audit.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await door.call('vault.lock', {});
    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    await door.call('audit.list', {});
    const latest = await door.call('audit.list', { action: 'audit.view' });
    expect(latest.entries[0]).toMatchObject({ action: 'audit.view', actor: { name: USER } });
  });

  it('pages newest first, 200 at a time', async () => {
    const client = await door.call('clients.create', { name: 'Paged Person' });
    for (let i = 0; i < 230; i++) await door.call('clients.get', { clientId: client.id });
    const first = await door.call('audit.list', { action: 'client.view' });
    expect(first).toMatchObject({ more: true });
    expect(first.entries).toHaveLength(200);
    const rest = await door.call('audit.list', { action: 'client.view', beforeSeq: first.entries.at(-1)!.seq });
    expect(rest).toMatchObject({ more: false });
    expect(rest.entries).toHaveLength(30);
    expect(first.entries[0]!.seq).toBeGreaterThan(rest.entries[0]!.seq);
  });
});
