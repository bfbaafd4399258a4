import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActionLabels } from '../../shared/audit-actions';
import { contract, methodNames, type MethodInput, type MethodName } from '../../shared/contract';
import type { AuditedMethod } from '../../electron/core/audit-facts';
import { consentInput } from '../support/recording-practice';
import { newVault, PASSPHRASE, tempFolder, USER, type TestDoor } from '../support/vault-fixture';
import { LETTERHEAD } from '../support/release-fixture';
import { writeSineWav } from '../support/wav';
import { DEFAULT_RETENTION_RULES } from '../../shared/rules/retention';

// Every method declares what the audit log records (shared/contract.ts); the dispatcher writes it. This walks
// every method: a declaration exists, every view and change leaves exactly its entry, every refusal an attempt.
let folder: ReturnType<typeof tempFolder>;
let door: TestDoor;
const TESS = { name: 'Tess Therapist', passphrase: 'tess keeps her own caseload' };
let exportFolder = '';
const ids = { client: '', case: '', session: '', note: '', tess: '', releaseConsent: '', toWithdraw: '', consent: '', recording: '', wav: '', hold: '', run: '' };
const consentFor = (clientId: string, caseId: string) => consentInput(clientId, caseId, { signedOn: '2024-01-02', destroyBy: '2099-01-01' });

beforeAll(async () => {
  folder = tempFolder();
  ({ door } = await newVault(join(folder.dir, 'vault')));
  const client = await door.call('clients.create', { name: 'Audit Subject' });
  const kase = await door.call('cases.create', { kind: 'individual', participantIds: [client.id], openedOn: '2024-01-01' });
  const session = await door.call('sessions.create', {
    caseId: kase.id,
    startsAt: '2024-01-08T09:00',
    durationMinutes: 50,
    modality: 'video',
    status: 'attended',
    attendeeIds: [client.id],
  });
  const note = await door.call('notes.saveDraft', { about: { type: 'session', sessionId: session.id }, body: 'first words' });
  const tess = await door.call('users.create', { name: TESS.name, roles: ['therapist'], passphrase: TESS.passphrase });
  await door.call('practice.update', LETTERHEAD);
  const releaseConsent = (signedOn: string) =>
    door.call('releaseConsents.create', {
      clientId: client.id,
      recipientOrganisation: 'Leeds Community Mental Health Team',
      purpose: 'Referral review',
      periodFrom: '2024-01-01',
      periodTo: '2024-12-31',
      signedOn,
      expiresOn: '2099-12-31',
    });
  exportFolder = join(folder.dir, 'exports');
  mkdirSync(exportFolder);
  Object.assign(ids, {
    client: client.id,
    case: kase.id,
    session: session.id,
    note: note.noteId,
    tess: tess.id,
    releaseConsent: (await releaseConsent('2024-02-01')).id,
    toWithdraw: (await releaseConsent('2024-02-02')).id,
  });
  const wav = writeSineWav(folder.dir, 1).path;
  const consent = await door.call('recordingConsents.create', consentFor(client.id, kase.id));
  const recording = await door.call('recordings.attach', { sessionId: session.id, uses: ['supervision'], path: wav });
  Object.assign(ids, { consent: consent.id, recording: recording.id, wav });
  // A purge with nothing due still makes a run, whose certificate the table below saves.
  const preview = await door.call('retention.purgePreview', {});
  const run = await door.call('retention.purge', { currentPassphrase: PASSPHRASE, planDigest: preview.planDigest });
  ids.run = run.runId;
  const hold = await door.call('holds.place', { clientId: client.id, kind: 'complaint', reference: 'Complaint 2024/1' });
  Object.assign(ids, { consent: consent.id, recording: recording.id, wav, hold: hold.id });
});
afterAll(() => folder.cleanup());

/** A call each audited method accepts from Sam (director and the client's therapist), in an order that works. */
function accepted(): { [M in AuditedMethod]: MethodInput<M> } {
  return {
    'vault.pendingRecoveryCode': {},
    'vault.confirmRecoveryCode': {},
    'vault.verify': {},
    'settings.update': { autoLockMinutes: 10 },
    'clients.list': {},
    'clients.create': { name: 'Another Client' },
    'clients.update': { clientId: ids.client, phone: '0113 496 0000' },
    'clients.get': { clientId: ids.client },
    'clients.openFile': { clientId: ids.client },
    'cases.list': { clientId: ids.client },
    'cases.create': { kind: 'individual', participantIds: [ids.client], openedOn: '2024-02-01' },
    'sessions.list': { clientId: ids.client },
    'sessions.create': {
      caseId: ids.case,
      startsAt: '2024-01-15T09:00',
      durationMinutes: 50,
      modality: 'phone',
      status: 'attended',
      attendeeIds: [ids.client],
    },
    'sessions.update': { sessionId: ids.session, durationMinutes: 55, reason: 'ran over' },
    'notes.list': { clientId: ids.client },
    'notes.saveDraft': { about: { type: 'case', caseId: ids.case }, body: 'a case note' },
    'notes.finalise': { noteId: ids.note, clientId: ids.client },
    'notes.get': { noteId: ids.note, clientId: ids.client },
    'notes.amend': { noteId: ids.note, clientId: ids.client, body: 'better words', reason: 'clearer' },
    'notes.addClientComment': { noteId: ids.note, clientId: ids.client, comment: 'fair enough' },
    'search.query': { text: 'words' },
    'references.resolve': { reference: 'C-0001' },
    'audit.list': { action: 'client.view' },
    'users.list': {},
    'practice.update': { ...LETTERHEAD, letterheadLine: 'Counselling in Leeds' },
    'releaseConsents.create': {
      clientId: ids.client,
      recipientOrganisation: 'Leeds City Council',
      purpose: 'Housing application',
      periodFrom: '2024-01-01',
      periodTo: '2024-06-30',
      signedOn: '2024-03-01',
      expiresOn: '2025-03-01',
    },
    'releaseConsents.list': { clientId: ids.client },
    'attendance.preview': { clientId: ids.client, periodFrom: '2024-01-01', periodTo: '2024-01-31', consentId: ids.releaseConsent },
    'attendance.export': { clientId: ids.client, periodFrom: '2024-01-01', periodTo: '2024-01-31', consentId: ids.releaseConsent, outputFolder: exportFolder },
    'disclosures.list': {},
    'releaseConsents.withdraw': { consentId: ids.toWithdraw, withdrawnOn: '2024-03-01' },
    'recordingConsents.create': consentFor(ids.client, ids.case),
    'recordingConsents.list': { clientId: ids.client },
    'recordings.attach': { sessionId: ids.session, uses: ['supervision'], path: ids.wav },
    'recordings.list': {},
    'recordings.get': { recordingId: ids.recording },
    'recordings.verify': { recordingId: ids.recording },
    'recordingConsents.withdraw': { consentId: ids.consent, withdrawnOn: '2024-02-01' },
    'cases.close': { caseId: ids.case, closedOn: '2024-03-01' },
    'retention.purgePreview': {},
    'retention.register': {},
    'retention.certificate': { runId: ids.run, outputFolder: exportFolder },
    'retention.previewRules': { rules: { ...DEFAULT_RETENTION_RULES, clientRecords: { years: 8 } } },
    'retention.updateRules': { rules: { ...DEFAULT_RETENTION_RULES, clientRecords: { years: 8 } } },
    'retention.overview': { withNames: true },
    'retention.clientDue': { clientId: ids.client },
    'holds.place': { caseId: ids.case, kind: 'coroner', reference: 'Inquest 2024/3' },
    'holds.list': {},
    'holds.release': { holdId: ids.hold },
    'retention.markEnteredInError': { sessionId: ids.session, reason: 'Recorded on the wrong client' },
  };
}

const auditedMethods = methodNames.filter((m) => ['view', 'change'].includes(contract[m].audit.kind)) as AuditedMethod[];
const actionOf = (m: MethodName) => (contract[m].audit as { action: keyof typeof auditActionLabels }).action;

async function entriesFor(action: keyof typeof auditActionLabels, userId?: string) {
  return (await door.call('audit.list', { action, ...(userId ? { userId } : {}) })).entries;
}

describe('audit by construction', () => {
  it('every method declares what the audit log records, with a reason wherever it records nothing itself', () => {
    for (const method of methodNames) {
      const audit = contract[method].audit;
      expect(['view', 'change', 'lifecycle', 'key-change', 'batched', 'none'], method).toContain(audit.kind);
      if (audit.kind !== 'view' && audit.kind !== 'change') expect(audit.why.length, method).toBeGreaterThan(20);
      if (audit.kind !== 'none') expect(Object.keys(auditActionLabels), method).toContain(audit.action);
    }
    expect(Object.keys(accepted()).sort()).toEqual([...auditedMethods].sort());
  });

  it('each view and change leaves exactly one entry with its action, written by the dispatcher', async () => {
    const calls = accepted();
    for (const method of Object.keys(calls) as AuditedMethod[]) {
      const action = actionOf(method);
      const before = (await entriesFor(action)).length;
      await door.call(method, calls[method] as never);
      const after = await entriesFor(action);
      // Reading the log is itself entered, after the read: for audit.view the count also holds the first read's entry.
      const expected = before + (method === 'audit.list' ? 2 : 1);
      expect({ method, entries: after.length }).toEqual({ method, entries: expected });
      expect(after[0]).toMatchObject({ actor: { name: USER } });
      expect(after[0]!.detail['outcome'], method).toBeUndefined();
    }
  });

  it('a key change is entered once, by the vault layer with the change; a refused one as an attempt', async () => {
    const before = (await entriesFor('user.create')).length;
    await door.call('users.create', { name: 'Una User', roles: ['therapist'], passphrase: 'una has a caseload of her own' });
    expect((await entriesFor('user.create')).length).toBe(before + 1);
    await door.call('vault.newRecoveryCode', { currentPassphrase: PASSPHRASE });
    await door.call('vault.confirmRecoveryCode', {});
    expect((await entriesFor('vault.recovery-code.replace')).length).toBe(1);
    expect(await door.raw('vault.changePassphrase', { currentPassphrase: 'not the passphrase', newPassphrase: 'a new and long passphrase' })).toMatchObject({
      ok: false,
    });
    const refused = await entriesFor('vault.passphrase.change');
    expect(refused.map((e) => e.detail)).toEqual([{ outcome: 'refused', code: 'wrong-passphrase' }]);
  });

  it('an autosave of an existing draft is the one change deliberately not entered', async () => {
    const before = (await entriesFor('note.draft.create')).length;
    const draft = await door.call('notes.saveDraft', { about: { type: 'client', clientId: ids.client, kind: 'client' }, body: 'a' });
    await door.call('notes.saveDraft', { about: { type: 'client', clientId: ids.client, kind: 'client' }, noteId: draft.noteId, body: 'ab' });
    expect((await entriesFor('note.draft.create')).length).toBe(before + 1);
  });

  it('every refused call is entered as an attempt: who, what, the record named, and why — nothing else', async () => {
    await door.call('vault.lock', {});
    await door.call('vault.unlock', { userName: TESS.name, passphrase: TESS.passphrase });
    const calls = accepted();
    const refused: AuditedMethod[] = [];
    for (const method of Object.keys(calls) as AuditedMethod[]) {
      const result = await door.raw(method, calls[method] as never);
      if (!result.ok) refused.push(method);
    }
    // Bad input is an attempt too.
    await door.raw('clients.get', { clientId: 'not-an-id' });
    await door.call('vault.lock', {});
    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    expect(refused.length).toBeGreaterThan(15);
    for (const method of refused) {
      const attempts = await entriesFor(actionOf(method), ids.tess);
      expect({ method, outcome: attempts[0]?.detail['outcome'] }).toEqual({ method, outcome: 'refused' });
    }
    const clientView = await entriesFor('client.view', ids.tess);
    expect(clientView.map((e) => e.detail['code'])).toContain('invalid-input');
    expect(clientView.find((e) => e.detail['code'] === 'not-found')?.clientReferences).toEqual(['C-0001']);
  });

  it('a change that fails part-way leaves neither the change nor a success entry', async () => {
    const before = await door.call('clients.list', {});
    const attempt = await door.raw('cases.create', { kind: 'couple', participantIds: [ids.client], openedOn: '2024-01-01' });
    expect(attempt).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const entries = await entriesFor('case.create');
    expect(entries[0]?.detail).toEqual({ outcome: 'refused', code: 'invalid-input' });
    expect((await door.call('clients.list', {})).clients).toEqual(before.clients);
  });
});
