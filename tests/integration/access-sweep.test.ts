import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames, type MethodName } from '../../shared/contract';
import { consentInput } from '../support/recording-practice';
import { newVault, PASSPHRASE, tempFolder, USER, type TestDoor } from '../support/vault-fixture';
import { LETTERHEAD } from '../support/release-fixture';
import { writeSineWav } from '../support/wav';
import { DEFAULT_RETENTION_RULES } from '../../shared/rules/retention';

/**
 * Every contract method, called by a therapist with the ids of another therapist's client, case, session
 * and note: nothing of that client comes back, and nothing is written.
 */
const SECRET_NAME = 'Quentin Private';
const SECRET_NOTE = 'SAMSECRETMARKER';
const TESS = { name: 'Tess Morgan', passphrase: 'tess has her own passphrase' };
const DEE = { name: 'Dee Director', passphrase: 'dee directs the practice' };

let folder: ReturnType<typeof tempFolder>;
let door: TestDoor;
let exportFolder = '';
const ids = { client: '', case: '', session: '', note: '', releaseConsent: '', consent: '', recording: '', wav: '', hold: '' };

beforeAll(async () => {
  folder = tempFolder();
  ({ door } = await newVault(join(folder.dir, 'vault')));
  const client = await door.call('clients.create', { name: SECRET_NAME, referrerName: 'Dr Hidden' });
  const kase = await door.call('cases.create', { kind: 'individual', participantIds: [client.id], openedOn: '2024-01-01' });
  const session = await door.call('sessions.create', {
    caseId: kase.id,
    startsAt: '2024-01-08T09:00',
    durationMinutes: 50,
    modality: 'video',
    status: 'attended',
    attendeeIds: [client.id],
  });
  const note = await door.call('notes.saveDraft', { about: { type: 'session', sessionId: session.id }, body: `${SECRET_NOTE} said` });
  await door.call('notes.finalise', { noteId: note.noteId, clientId: client.id });
  await door.call('practice.update', LETTERHEAD);
  const releaseConsent = await door.call('releaseConsents.create', {
    clientId: client.id,
    recipientOrganisation: 'Hidden Court Service',
    purpose: SECRET_NOTE,
    periodFrom: '2024-01-01',
    periodTo: '2024-12-31',
    signedOn: '2024-02-01',
    expiresOn: '2099-12-31',
  });
  exportFolder = join(folder.dir, 'exports');
  mkdirSync(exportFolder);
  await door.call('attendance.export', { clientId: client.id, periodFrom: '2024-01-01', periodTo: '2024-01-31', consentId: releaseConsent.id, outputFolder: exportFolder });
  const wav = writeSineWav(folder.dir, 1).path;
  const consent = await door.call('recordingConsents.create', consentInput(client.id, kase.id, { signedOn: '2024-01-02', destroyBy: '2099-01-01' }));
  const recording = await door.call('recordings.attach', { sessionId: session.id, uses: ['supervision'], path: wav });
  const hold = await door.call('holds.place', { clientId: client.id, kind: 'court', reference: 'Hidden Court Service 2024/17' });
  Object.assign(ids, { client: client.id, case: kase.id, session: session.id, note: note.noteId, releaseConsent: releaseConsent.id, consent: consent.id, recording: recording.id, wav, hold: hold.id });
  await door.call('users.create', { name: TESS.name, roles: ['therapist'], passphrase: TESS.passphrase });
  await door.call('users.create', { name: DEE.name, roles: ['director'], passphrase: DEE.passphrase });
  await door.call('vault.lock', {});
});
afterAll(() => folder.cleanup());

/** Inputs aimed at Sam's records, one list per method; the sweep fails if a method is missing here. */
function attacks(): Record<MethodName, unknown[]> {
  return {
    'vault.status': [{}],
    'vault.create': [{ practiceName: 'X', userName: 'X', passphrase: 'twelve chars or more' }],
    'vault.unlock': [],
    'vault.recover': [],
    'vault.lock': [],
    'vault.changePassphrase': [{ currentPassphrase: 'wrong', newPassphrase: 'another long passphrase' }],
    'vault.newRecoveryCode': [{ currentPassphrase: 'not hers' }],
    'vault.pendingRecoveryCode': [{}],
    'vault.confirmRecoveryCode': [{}],
    'clock.now': [{}],
    'vault.verify': [{}],
    'settings.get': [{}],
    'settings.update': [{ autoLockMinutes: 30 }],
    'clients.list': [{}, { query: 'Quentin' }, { status: 'all' }],
    'clients.create': [],
    'clients.update': [{ clientId: ids.client, name: 'Renamed' }],
    'clients.get': [{ clientId: ids.client }],
    'clients.openFile': [{ clientId: ids.client }],
    'cases.list': [{ clientId: ids.client }],
    'cases.create': [{ kind: 'individual', participantIds: [ids.client], openedOn: '2024-02-01' }],
    'cases.close': [{ caseId: ids.case, closedOn: '2024-03-01' }],
    'sessions.list': [{ clientId: ids.client }],
    'sessions.create': [
      { caseId: ids.case, startsAt: '2024-02-01T09:00', durationMinutes: 50, modality: 'video', status: 'attended', attendeeIds: [ids.client] },
    ],
    'sessions.update': [
      { sessionId: ids.session, status: 'did-not-attend' },
      { sessionId: ids.session, startsAt: '2024-01-09T09:00', reason: 'wrong day' },
    ],
    'notes.list': [{ clientId: ids.client }],
    'notes.get': [{ noteId: ids.note, clientId: ids.client }],
    'notes.saveDraft': [
      { about: { type: 'session', sessionId: ids.session }, body: 'x' },
      { about: { type: 'case', caseId: ids.case }, body: 'x' },
      { about: { type: 'client', clientId: ids.client, kind: 'client' }, body: 'x' },
      { about: { type: 'session', sessionId: ids.session }, noteId: ids.note, body: 'overwrite' },
    ],
    'notes.finalise': [{ noteId: ids.note, clientId: ids.client }],
    'notes.amend': [{ noteId: ids.note, clientId: ids.client, body: 'rewritten', reason: 'because' }],
    'notes.addClientComment': [{ noteId: ids.note, clientId: ids.client, comment: 'c' }],
    'search.query': [{ text: SECRET_NOTE }, { text: 'Quentin' }, { text: SECRET_NOTE, clientId: ids.client }],
    'references.resolve': [{ reference: 'C-0001' }, { reference: 'K-0001' }],
    'audit.list': [{}, { clientReference: 'C-0001' }],
    'users.list': [{}],
    'users.create': [{ name: 'Mallory', roles: ['director'], passphrase: 'mallory wants in now' }],
    'practice.get': [{}],
    'practice.update': [{ ...LETTERHEAD, signatoryName: 'Tess Morgan' }],
    'releaseConsents.create': [
      { clientId: ids.client, recipientOrganisation: 'Elsewhere', purpose: 'x', periodFrom: '2024-01-01', periodTo: '2024-12-31', signedOn: '2024-03-01', expiresOn: '2025-03-01' },
    ],
    'releaseConsents.list': [{ clientId: ids.client }],
    'releaseConsents.withdraw': [{ consentId: ids.releaseConsent, withdrawnOn: '2024-06-01' }],
    'attendance.preview': [{ clientId: ids.client, periodFrom: '2024-01-01', periodTo: '2024-01-31', consentId: ids.releaseConsent }],
    'attendance.export': [{ clientId: ids.client, periodFrom: '2024-01-01', periodTo: '2024-01-31', consentId: ids.releaseConsent, outputFolder: exportFolder }],
    'disclosures.list': [{}, { clientId: ids.client }],
    'recordingConsents.create': [consentInput(ids.client, ids.case, { signedOn: '2024-01-02', destroyBy: '2099-01-01' })],
    'recordingConsents.list': [{ clientId: ids.client }],
    'recordingConsents.withdraw': [{ consentId: ids.consent, withdrawnOn: '2024-02-01' }],
    'recordings.attach': [{ sessionId: ids.session, uses: ['supervision'], path: ids.wav }],
    'recordings.list': [{}, { clientId: ids.client }],
    'recordings.get': [{ recordingId: ids.recording }],
    'recordings.verify': [{ recordingId: ids.recording }],
    'retention.purgePreview': [{}],
    'retention.purge': [{ currentPassphrase: TESS.passphrase, planDigest: 'a'.repeat(64) }],
    'retention.register': [{}],
    'retention.certificate': [{ runId: ids.client, outputFolder: exportFolder }],
    'retention.rules': [{}],
    'retention.previewRules': [{ rules: DEFAULT_RETENTION_RULES }],
    'retention.updateRules': [{ rules: { ...DEFAULT_RETENTION_RULES, clientRecords: { years: 1 } } }],
    'retention.overview': [{}, { withNames: true }],
    'retention.clientDue': [{ clientId: ids.client }],
    'retention.markEnteredInError': [
      { clientId: ids.client, reason: 'a duplicate' },
      { sessionId: ids.session, reason: 'the wrong client' },
    ],
    'holds.place': [
      { clientId: ids.client, kind: 'complaint', reference: 'mine' },
      { caseId: ids.case, kind: 'court', reference: 'mine' },
    ],
    'holds.release': [{ holdId: ids.hold }],
    'holds.list': [{}, { clientId: ids.client }, { clientId: ids.client, includeReleased: true }],
  };
}

describe('role and caseload checks on every method', () => {
  it('a therapist reaches nothing of another therapist’s client through any method', async () => {
    await door.call('vault.unlock', { userName: TESS.name, passphrase: TESS.passphrase });
    const table = attacks();
    expect(Object.keys(table).sort()).toEqual([...methodNames].sort());
    for (const method of methodNames) {
      for (const input of table[method]) {
        const result = await door.core.call(method, input);
        const text = JSON.stringify(result);
        expect({ method, input, leak: text.includes(SECRET_NAME) || text.includes(SECRET_NOTE) || text.includes('Dr Hidden') }).toEqual({
          method,
          input,
          leak: false,
        });
        if ([ids.client, ids.note, ids.releaseConsent, ids.consent, ids.hold].some((id) => JSON.stringify(input).includes(id))) {
          expect({ method, code: result.ok ? 'ok' : result.error.code }).toMatchObject({
            method,
            code: expect.stringMatching(/^(not-found|forbidden)$/),
          });
        }
      }
    }
    // The recording's bytes, through the door the player uses.
    expect(await door.core.readRecording(ids.recording, 'bytes=0-')).toMatchObject({ status: 404, body: null });
    expect(door.core.isUnlocked()).toBe(true);
    await door.call('vault.lock', {});
  });

  it('and none of those attempts changed Sam’s records', async () => {
    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    const client = await door.call('clients.get', { clientId: ids.client });
    expect(client.name).toBe(SECRET_NAME);
    const notes = (await door.call('notes.list', { clientId: ids.client })).notes;
    expect(notes.map((n) => [n.currentBody, n.amendments.length, n.clientComments.length])).toEqual([[`${SECRET_NOTE} said`, 0, 0]]);
    expect((await door.call('cases.list', { clientId: ids.client })).cases).toMatchObject([{ status: 'open' }]);
    expect((await door.call('sessions.list', { clientId: ids.client })).sessions).toHaveLength(1);
    expect((await door.call('users.list', {})).users.map((u) => u.name).sort()).toEqual([DEE.name, USER, TESS.name].sort());
    expect(await door.call('settings.get', {})).toEqual({ autoLockMinutes: 5 });
    expect(await door.call('practice.get', {})).toMatchObject(LETTERHEAD);
    expect((await door.call('releaseConsents.list', { clientId: ids.client })).consents).toMatchObject([{ status: 'valid', withdrawnOn: null }]);
    expect((await door.call('disclosures.list', {})).disclosures).toHaveLength(1);
    expect(readdirSync(exportFolder)).toHaveLength(2);
    expect((await door.call('recordingConsents.list', { clientId: ids.client })).consents).toMatchObject([{ status: 'in-force' }]);
    expect((await door.call('recordings.list', {})).recordings).toMatchObject([{ id: ids.recording, status: 'available' }]);
    expect((await door.call('retention.rules', {})).rules).toEqual(DEFAULT_RETENTION_RULES);
    const due = await door.call('retention.clientDue', { clientId: ids.client });
    expect(due.decision.rule).toBe('open-case');
    expect(due.holds.map((h) => [h.id, h.releasedAt])).toEqual([[ids.hold, null]]);
    expect((await door.call('holds.list', { includeReleased: true })).holds).toHaveLength(1);
    await door.call('vault.lock', {});
  });

  it('a therapist’s own filters and searches apply within their caseload', async () => {
    await door.call('vault.unlock', { userName: TESS.name, passphrase: TESS.passphrase });
    const own = await door.call('clients.create', { name: 'Robin Own' });
    const other = await door.call('clients.create', { name: 'Casey Own' });
    const draft = await door.call('notes.saveDraft', { about: { type: 'client', clientId: own.id, kind: 'client' }, body: 'TESSWORD and SAMSECRETMARKER' });
    await door.call('notes.finalise', { noteId: draft.noteId, clientId: own.id });
    expect((await door.call('clients.list', { query: 'Robin' })).clients.map((c) => c.name)).toEqual(['Robin Own']);
    expect((await door.call('clients.list', { query: 'Quentin' })).clients).toEqual([]);
    expect((await door.call('search.query', { text: 'Robin' })).hits.map((h) => [h.kind, h.client.name])).toEqual([['client', 'Robin Own']]);
    const hits = (await door.call('search.query', { text: SECRET_NOTE })).hits;
    expect(hits.map((h) => [h.kind, h.client.id, h.noteId])).toEqual([['note', own.id, draft.noteId]]);
    expect((await door.call('search.query', { text: 'TESSWORD', clientId: other.id })).hits).toEqual([]);
    await door.call('vault.lock', {});
  });

  it('a director sees every client’s identity and dates, but no note content of another therapist’s client', async () => {
    await door.call('vault.unlock', { userName: DEE.name, passphrase: DEE.passphrase });
    expect((await door.call('clients.list', {})).clients.map((c) => c.name)).toEqual(['Casey Own', SECRET_NAME, 'Robin Own']);
    expect((await door.call('sessions.list', { clientId: ids.client })).sessions).toMatchObject([{ startsAt: '2024-01-08T09:00' }]);
    expect(await door.raw('notes.list', { clientId: ids.client })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await door.raw('notes.get', { noteId: ids.note, clientId: ids.client })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await door.call('search.query', { text: SECRET_NOTE })).hits).toEqual([]);
    await door.call('vault.lock', {});
  });
});
