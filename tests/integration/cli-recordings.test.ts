import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneCleanErrorLine, spawnCli as confide } from '../support/cli';
import { writeSineWav } from '../support/wav';
import { newVault, PASSPHRASE, tempFolder, USER } from '../support/vault-fixture';

/**
 * Recording consents and recordings through the second door: `confide call` takes client and case
 * references, a recording's path on this computer, and answers with the same errors as the app.
 * The CLI runs on the real clock, so every date here is long past (signed in 2020) or far ahead (2099).
 */
let folder: ReturnType<typeof tempFolder>;
let vault: string;
let sessionId: string;

const call = (method: string, input: unknown) =>
  confide(['call', vault, method, '--input', '-', '--user', USER, '--passphrase-stdin'], `${PASSPHRASE}\n${JSON.stringify(input)}`);

const consent = (client: string) => ({
  clientId: client,
  caseId: 'K-0001',
  uses: ['supervision'],
  viewers: 'Sam Okafor and the clinical supervisor',
  storage: 'In this Confide vault',
  destructionMethod: 'The key is destroyed and the file deleted',
  signedOn: '2020-01-06',
  destroyBy: '2099-01-01',
});

beforeAll(async () => {
  folder = tempFolder();
  vault = join(folder.dir, 'vault');
  const { door } = await newVault(vault);
  const alex = await door.call('clients.create', { name: 'Alex Rivers' });
  const blake = await door.call('clients.create', { name: 'Blake Rivers' });
  const couple = await door.call('cases.create', { kind: 'couple', participantIds: [alex.id, blake.id], openedOn: '2020-01-06' });
  const session = await door.call('sessions.create', {
    caseId: couple.id,
    startsAt: '2020-01-13T10:00',
    durationMinutes: 50,
    modality: 'in-person',
    status: 'attended',
    attendeeIds: [alex.id, blake.id],
  });
  sessionId = session.id;
  await door.call('vault.lock', {});
});
afterAll(() => folder.cleanup());

describe('recordings through confide call', () => {
  it('records consents by reference; refuses, then attaches a recording; verify names a damaged one by reference; a file that is not a recording is refused; withdrawal destroys it', { timeout: 240_000 }, async () => {
    const wav = writeSineWav(folder.dir, 2);
    const alex = await call('recordingConsents.create', consent('C-0001'));
    expect(alex.code, alex.stderr).toBe(0);
    expect(JSON.parse(alex.stdout)).toMatchObject({ reference: 'RC-0001', client: { reference: 'C-0001' }, status: 'in-force' });

    const refused = await call('recordings.attach', { sessionId, uses: ['supervision'], path: wav.path });
    expect(refused.code).toBe(6);
    expectOneCleanErrorLine(refused);
    expect(refused.stderr).toBe(
      'confide: This recording cannot be attached: every client at the session must have given written consent to it. Missing — Blake Rivers (C-0002): no recording consent is recorded.\n',
    );
    expect(readdirSync(join(vault, 'blobs'))).toEqual([]);

    const blake = await call('recordingConsents.create', consent('c-2'));
    expect(blake.code, blake.stderr).toBe(0);
    const attached = await call('recordings.attach', { sessionId, uses: ['supervision'], path: wav.path });
    expect(attached.code, attached.stderr).toBe(0);
    const recording = JSON.parse(attached.stdout);
    expect(recording).toMatchObject({ reference: 'R-0001', status: 'available', media: { size: wav.bytes.length } });
    expect(readdirSync(join(vault, 'blobs'))).toHaveLength(1);

    const verified = await call('recordings.verify', { recordingId: recording.id });
    expect(JSON.parse(verified.stdout)).toEqual({ intact: true });
    const [blob] = readdirSync(join(vault, 'blobs'));
    const file = join(vault, 'blobs', blob!);
    const sealed = readFileSync(file);
    sealed[sealed.length - 40] = sealed[sealed.length - 40]! ^ 0x80;
    writeFileSync(file, sealed);
    const damaged = await call('recordings.verify', { recordingId: recording.id });
    expect(damaged).toMatchObject({ code: 4, stdout: '', stderr: 'confide: The file for recording R-0001 is damaged and cannot be read.\n' });

    const notARecording = await call('recordings.attach', { sessionId, uses: ['supervision'], path: join(folder.dir, 'vault', 'vault.keys') });
    expect(notARecording.code).toBe(2);
    expectOneCleanErrorLine(notARecording);
    expect(notARecording.stderr).toContain('not an audio or video recording');
    expect(readdirSync(join(vault, 'blobs'))).toEqual([blob]);

    const withdrawn = await call('recordingConsents.withdraw', { consentId: JSON.parse(blake.stdout).id, withdrawnOn: '2020-02-03' });
    expect(withdrawn.code, withdrawn.stderr).toBe(0);
    expect(JSON.parse(withdrawn.stdout)).toMatchObject({ consent: { status: 'withdrawn' }, destroyedRecordings: 1 });
    expect(readdirSync(join(vault, 'blobs'))).toEqual([]);

    const register = await call('recordings.list', {});
    expect(JSON.parse(register.stdout).recordings).toMatchObject([{ reference: 'R-0001', status: 'destroyed' }]);
  });
});
