import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkoutResourcesDir } from '../../electron/core/resources';
import { expectOneCleanErrorLine, ROOT, spawnCli as confide } from '../support/cli';
import { allText, pdfText } from '../support/pdf-text';
import { LETTERHEAD } from '../support/release-fixture';
import { openDoor, tempFolder } from '../support/vault-fixture';

/**
 * The attendance summary from the command line: the real `confide` (the bundle in dist/cli/, which finds the
 * checkout's fonts on its own), an output folder in the JSON input — a path is not client data — and the same
 * files and disclosure log entry as the app makes.
 */
const PASS = 'a long and careful passphrase';
let folder: ReturnType<typeof tempFolder>;
let vault: string;
let request: string;
let out: string;

beforeAll(async () => {
  folder = tempFolder();
  vault = join(folder.dir, 'vault');
  // Dates well in the past: the CLI runs on the machine's own clock.
  const door = openDoor(vault);
  await door.call('vault.create', { practiceName: 'Oak Counselling', userName: 'Sam Okafor', passphrase: PASS });
  await door.call('practice.update', LETTERHEAD);
  const client = await door.call('clients.create', { name: 'Ann Lee', dateOfBirth: '1980-01-02' });
  const kase = await door.call('cases.create', { kind: 'individual', participantIds: [client.id], openedOn: '2024-01-01' });
  for (const day of ['08', '15', '22']) {
    await door.call('sessions.create', { caseId: kase.id, startsAt: `2024-01-${day}T09:00`, durationMinutes: 50, modality: 'video', status: 'attended', attendeeIds: [client.id] });
  }
  const consent = await door.call('releaseConsents.create', {
    clientId: client.id,
    recipientOrganisation: 'Leeds Community Mental Health Team',
    purpose: 'Referral review',
    periodFrom: '2024-01-01',
    periodTo: '2024-12-31',
    signedOn: '2024-02-01',
    expiresOn: '2099-01-01',
  });
  await door.call('vault.lock', {});
  out = join(folder.dir, 'letters');
  mkdirSync(out);
  request = join(folder.dir, 'request.json');
  writeFileSync(request, JSON.stringify({ clientId: 'C-0001', periodFrom: '2024-01-01', periodTo: '2024-01-31', consentId: consent.id, outputFolder: out }));
});
afterAll(() => folder.cleanup());

describe('confide call attendance.export', () => {
  it('writes the letter and CSV to the folder in the input and prints where, with their SHA-256', async () => {
    const run = await confide(['call', vault, 'attendance.export', '--input', request, '--passphrase-stdin'], `${PASS}\n`);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const result = JSON.parse(run.stdout) as { files: Array<{ name: string; path: string; sha256: string }>; disclosure: { reference: string } };
    expect(result.disclosure.reference).toBe('D-0001');
    expect(readdirSync(out).sort()).toEqual(result.files.map((f) => f.name).sort());
    for (const file of result.files) expect(createHash('sha256').update(readFileSync(file.path)).digest('hex')).toBe(file.sha256);
    const text = allText(await pdfText(readFileSync(result.files.find((f) => f.name.endsWith('.pdf'))!.path)));
    expect(text).toContain('We confirm that Ann Lee attended 3 sessions at Oak Counselling between 1 January 2024 and 31 January 2024.');
  });

  it('refuses a second export over the same files, in one line, writing nothing', async () => {
    // The same reference cannot recur, so the clash is made by hand: a file where the next export's PDF goes.
    const names = readdirSync(out);
    writeFileSync(join(out, names[0]!.replace('D-0001', 'D-0002')), 'in the way');
    const run = await confide(['call', vault, 'attendance.export', '--input', request, '--passphrase-stdin'], `${PASS}\n`);
    expect(run.code).toBe(6);
    expectOneCleanErrorLine(run);
    expect(readdirSync(out)).toHaveLength(3);
  });
});

describe('finding the fonts without being told where they are', () => {
  it('walks up from the sources and from a bundle in dist/cli/ to the checkout’s resources/', () => {
    expect(checkoutResourcesDir()).toBe(join(ROOT, 'resources'));
    expect(checkoutResourcesDir(join(ROOT, 'dist', 'cli'))).toBe(join(ROOT, 'resources'));
  });

  it('says plainly when there are none', () => {
    expect(() => checkoutResourcesDir(folder.dir)).toThrow('Confide cannot find the fonts its documents are printed in (resources/fonts). Reinstall Confide.');
  });
});
