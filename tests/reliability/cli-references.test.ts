import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { newVault, PASSPHRASE, tempFolder, USER, type TestDoor } from '../support/vault-fixture';

/**
 * Wherever an id is taken, `confide call` takes the reference people see (C-0001, K-0001), resolved by
 * the core under the caller's visibility: a reference they may not see is "not found" in the very words an
 * id gets, so references cannot be used to probe another therapist's caseload.
 */
const TESS = { name: 'Tess Morgan', passphrase: 'tess has her own passphrase' };
let folder: ReturnType<typeof tempFolder>;
let vault: string;
let door: TestDoor;
const sam = { clientId: '', caseId: '' };

beforeAll(async () => {
  folder = tempFolder();
  vault = join(folder.dir, 'vault');
  ({ door } = await newVault(vault));
  const client = await door.call('clients.create', { name: 'Quentin Private' }); // C-0001
  const kase = await door.call('cases.create', { kind: 'individual', participantIds: [client.id], openedOn: '2026-01-05' }); // K-0001
  Object.assign(sam, { clientId: client.id, caseId: kase.id });
  await door.call('users.create', { name: TESS.name, roles: ['therapist'], passphrase: TESS.passphrase });
  await door.call('vault.lock', {});
});
afterAll(() => folder.cleanup());

function call(method: string, input: unknown, as: { name: string; passphrase: string } = { name: USER, passphrase: PASSPHRASE }) {
  return runCli(['call', vault, method, '--input', '-', '--user', as.name, '--passphrase-stdin'], `${as.passphrase}\n${JSON.stringify(input)}`);
}

async function value(method: string, input: unknown, as?: { name: string; passphrase: string }) {
  const result = await call(method, input, as);
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(result.stdout);
}

describe('references in place of ids', () => {
  it('client and case references work in every kind of id field, as people type them', async () => {
    expect((await value('clients.get', { clientId: 'C-0001' })).id).toBe(sam.clientId);
    expect((await value('clients.get', { clientId: ' c-1 ' })).id).toBe(sam.clientId);
    expect((await value('cases.list', { clientId: 'C-0001' })).cases.map((c: { id: string }) => c.id)).toEqual([sam.caseId]);
    const session = await value('sessions.create', {
      caseId: 'K-0001',
      startsAt: '2026-01-12T10:00',
      durationMinutes: 50,
      modality: 'in-person',
      status: 'attended',
      attendeeIds: ['C-0001'],
    });
    expect(session).toMatchObject({ caseId: sam.caseId, attendees: [{ id: sam.clientId, reference: 'C-0001' }] });
    const caseNote = await value('notes.saveDraft', { about: { type: 'case', caseId: 'k-0001' }, body: 'Case note.' });
    const clientNote = await value('notes.saveDraft', { about: { type: 'client', clientId: 'C-0001', kind: 'contact' }, body: 'Phoned.' });
    const notes = await value('notes.list', { clientId: 'C-0001' });
    expect(notes.notes.map((n: { id: string }) => n.id).sort()).toEqual([caseNote.noteId, clientNote.noteId].sort());
    const second = await value('cases.create', { kind: 'individual', participantIds: ['C-0001'], openedOn: '2026-02-01' });
    expect(second).toMatchObject({ reference: 'K-0002', participants: [{ id: sam.clientId }] });
    expect((await value('search.query', { text: 'Phoned', clientId: 'C-0001' })).hits).toHaveLength(1);
  });

  it('a reference the caller may not see is "not found", word for word as the id, and as a reference that does not exist', async () => {
    const byId = await call('clients.get', { clientId: sam.clientId }, TESS);
    const byReference = await call('clients.get', { clientId: 'C-0001' }, TESS);
    const byMissingReference = await call('clients.get', { clientId: 'C-0999' }, TESS);
    expect(byId).toEqual({ code: 6, stdout: '', stderr: 'confide: That client was not found.\n' });
    expect(byReference).toEqual(byId);
    expect(byMissingReference).toEqual(byId);

    const session = { startsAt: '2026-01-19T10:00', durationMinutes: 50, modality: 'video', status: 'attended' };
    const caseById = await call('sessions.create', { ...session, caseId: sam.caseId, attendeeIds: [sam.clientId] }, TESS);
    const caseByReference = await call('sessions.create', { ...session, caseId: 'K-0001', attendeeIds: ['C-0001'] }, TESS);
    expect(caseById).toEqual({ code: 6, stdout: '', stderr: 'confide: That case was not found.\n' });
    expect(caseByReference).toEqual(caseById);
    expect(await call('sessions.create', { ...session, caseId: 'K-0999', attendeeIds: ['C-0999'] }, TESS)).toEqual(caseById);
  });

  it('the core answers a reference the way it answers the id, for every door', async () => {
    await door.call('vault.unlock', { userName: TESS.name, passphrase: TESS.passphrase });
    try {
      const byId = await door.raw('clients.get', { clientId: sam.clientId });
      const byReference = await door.raw('references.resolve', { reference: 'C-0001' });
      expect(byReference).toEqual(byId);
      expect(byReference).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(await door.raw('references.resolve', { reference: 'K-0001' })).toEqual(await door.raw('cases.close', { caseId: sam.caseId, closedOn: '2026-03-01' }));
      expect(await door.raw('references.resolve', { reference: 'Quentin' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    } finally {
      await door.call('vault.lock', {});
    }
  });

  it('a reference of the wrong kind is a clear input error', async () => {
    const result = await call('clients.get', { clientId: 'K-0001' });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'confide: clientId takes a client (C-0001) or its id, not a case reference.\n' });
  });
});
