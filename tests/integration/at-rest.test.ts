import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newVault, PRACTICE, tempFolder, USER } from '../support/vault-fixture';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => (folder = tempFolder()));
afterEach(() => folder.cleanup());

const SECRETS = [
  'Marguerite Fenwick-Oyelaran', 'Zebedee', '1979-04-12', 'marguerite@example.org', 'XYZZY-NOTE-MARKER-41', PRACTICE, USER,
  'Dr Referrer Quill', 'Nettlebed Surgery', 'JOINTSESSION-MARKER-77', 'AMENDMENT-MARKER-93', 'xyzzy', 'jointsession',
];

function everyFile(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((name) => join(dir, name)).filter((p) => statSync(p).isFile());
}

function containsAny(bytes: Buffer, secrets: string[]): string[] {
  return secrets.filter(
    (secret) => bytes.includes(Buffer.from(secret, 'utf8')) || bytes.includes(Buffer.from(secret, 'utf16le')),
  );
}

describe('nothing readable at rest', () => {
  it('vault.db has no SQLite header and no file in the folder holds a name, date or note text — while open and after lock', async () => {
    const vaultDir = join(folder.dir, 'vault');
    const { door } = await newVault(vaultDir);
    const client = await door.call('clients.create', {
      name: 'Marguerite Fenwick-Oyelaran',
      preferredName: 'Zebedee',
      dateOfBirth: '1979-04-12',
      email: 'marguerite@example.org',
    });
    const draft = await door.call('notes.saveDraft', { about: { type: 'client', clientId: client.id, kind: 'client' }, body: 'Session went well. XYZZY-NOTE-MARKER-41' });
    await door.call('notes.finalise', { noteId: draft.noteId, clientId: client.id });
    await door.call('notes.amend', { noteId: draft.noteId, clientId: client.id, body: 'Corrected AMENDMENT-MARKER-93', reason: 'typo' });
    const partner = await door.call('clients.create', { name: 'Partner Person', referrerName: 'Dr Referrer Quill', gpPractice: 'Nettlebed Surgery' });
    const kase = await door.call('cases.create', { kind: 'couple', participantIds: [client.id, partner.id], openedOn: '2025-01-01' });
    const session = await door.call('sessions.create', {
      caseId: kase.id, startsAt: '2025-01-02T10:00', durationMinutes: 50, modality: 'in-person', status: 'attended',
      attendeeIds: [client.id, partner.id],
    });
    await door.call('notes.saveDraft', { about: { type: 'session', sessionId: session.id }, body: 'JOINTSESSION-MARKER-77 discussed' });

    const check = () => {
      const files = everyFile(vaultDir);
      expect(files.length).toBeGreaterThanOrEqual(2);
      for (const file of files) expect({ file, found: containsAny(readFileSync(file), SECRETS) }).toEqual({ file, found: [] });
      const header = readFileSync(join(vaultDir, 'vault.db')).subarray(0, 16).toString('latin1');
      expect(header).not.toContain('SQLite format 3');
      expect(readdirSync(folder.dir).sort()).toEqual(['vault']);
    };
    check();
    await door.call('vault.lock', {});
    check();
    expect(readdirSync(vaultDir).sort()).toEqual(['blobs', 'vault.anchor', 'vault.db', 'vault.keys', 'vault.lock']);
  });
});
