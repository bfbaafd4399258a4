import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneCleanErrorLine, spawnCli as confide } from '../support/cli';
import { openDoor, tempFolder } from '../support/vault-fixture';

/**
 * `confide purge` in real processes. The CLI runs on the machine's own clock, so the records are from 2015–2016
 * (due under the default rules from 2023 on) and the one that must stay has a case still open.
 */
const PASS = 'a long and careful passphrase';
const THERAPIST = { name: 'Tess Morgan', passphrase: 'tess has her own passphrase' };
let folder: ReturnType<typeof tempFolder>;
let vault: string;

beforeAll(async () => {
  folder = tempFolder();
  vault = join(folder.dir, 'vault');
  let now = new Date('2016-07-01T09:00:00Z');
  const door = openDoor(vault, () => now, 'Europe/London');
  await door.call('vault.create', { practiceName: 'Oak Counselling', userName: 'Sam Okafor', passphrase: PASS });
  for (const name of ['Ann Lee', 'Bo Grey']) {
    const client = await door.call('clients.create', { name });
    const kase = await door.call('cases.create', { kind: 'individual', participantIds: [client.id], openedOn: '2015-01-05' });
    const session = await door.call('sessions.create', { caseId: kase.id, startsAt: '2015-01-12T09:00', durationMinutes: 50, modality: 'video', status: 'attended', attendeeIds: [client.id] });
    const note = await door.call('notes.saveDraft', { about: { type: 'session', sessionId: session.id }, body: `${name} talked` });
    await door.call('notes.finalise', { noteId: note.noteId, clientId: client.id });
    await door.call('cases.close', { caseId: kase.id, closedOn: '2016-01-04' });
  }
  const stays = await door.call('clients.create', { name: 'Cy Stays' });
  await door.call('cases.create', { kind: 'individual', participantIds: [stays.id], openedOn: '2016-06-01' });
  await door.call('users.create', { name: THERAPIST.name, roles: ['therapist'], passphrase: THERAPIST.passphrase });
  now = new Date();
  // Di's case closes today (the machine's): the record is kept for years, the referrer's contact details are due now.
  const kept = await door.call('clients.create', { name: 'Di Kept', referrerName: 'Dr Ref Marlowe', referrerContact: '0113 496 0000' });
  const keptCase = await door.call('cases.create', { kind: 'individual', participantIds: [kept.id], openedOn: '2016-06-01' });
  await door.call('cases.close', { caseId: keptCase.id, closedOn: now.toISOString().slice(0, 10) });
  await door.call('vault.lock', {});
}, 60_000);
afterAll(() => folder.cleanup());

describe('confide purge', () => {
  it('--dry-run --json prints the preview and destroys nothing', async () => {
    for (let i = 0; i < 2; i++) {
      const run = await confide(['purge', vault, '--user', 'Sam Okafor', '--dry-run', '--passphrase-stdin', '--json'], `${PASS}\n`);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const preview = JSON.parse(run.stdout);
      expect(preview.clients.map((c: { reference: string }) => c.reference)).toEqual(['C-0001', 'C-0002']);
      expect(preview.totals).toEqual({ clients: 2, sessions: 2, notes: 2, recordings: 0 });
      expect(preview.fieldGroups).toEqual([{ reference: 'C-0004', what: 'referrer', reason: expect.stringMatching(/: when the last case closed$/), fields: 2 }]);
    }
  });

  it('--dry-run in words lists references and reasons, and says nothing was destroyed', async () => {
    const run = await confide(['purge', vault, '--user', 'Sam Okafor', '--dry-run', '--passphrase-stdin'], `${PASS}\n`);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Due for destruction on \d{4}-\d{2}-\d{2}: 2 clients \(2 sessions, 2 notes, 0 recordings\)\./);
    expect(run.stdout).toContain('C-0001  2015-01-05 to 2016-01-04');
    expect(run.stdout).toContain('Parts of records kept, due now: 1 field group.');
    expect(run.stdout).toContain('C-0004  Referrer’s contact details (2 fields)  due ');
    expect(run.stdout).toContain('Nothing has been destroyed (--dry-run).');
    expect(run.stdout).not.toMatch(/Ann|Bo Grey|Cy|Di Kept|Marlowe/);
  });

  it('refuses a therapist and a wrong passphrase with one clean line and its exit code', async () => {
    const therapist = await confide(['purge', vault, '--user', THERAPIST.name, '--passphrase-stdin', '--json'], `${THERAPIST.passphrase}\n`);
    expect(therapist.code).toBe(6);
    expectOneCleanErrorLine(therapist);
    expect(therapist.stderr).toContain('Only a practice director can');
    const wrong = await confide(['purge', vault, '--user', 'Sam Okafor', '--passphrase-stdin'], 'not the passphrase at all\n');
    expect(wrong.code).toBe(3);
    expectOneCleanErrorLine(wrong);
  });

  it('purges with --json: the run, its totals and certificate; no progress bar off a terminal; the vault verifies', async () => {
    const run = await confide(['purge', vault, '--user', 'Sam Okafor', '--passphrase-stdin', '--json'], `${PASS}\n`);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ complete: true, runNo: 1, totals: { clients: 2, sessions: 2, notes: 2, recordings: 0 }, pageCleanup: 'incremental-vacuum' });
    expect(result.certificate.destroyed.map((d: { reference: string }) => d.reference)).toEqual(['C-0001', 'C-0002']);
    expect(result.totals.fieldGroups).toBe(1);
    expect(result.certificate.fieldGroups).toEqual([{ reference: 'C-0004', what: 'referrer', fields: 2 }]);
    const again = await confide(['purge', vault, '--user', 'Sam Okafor', '--passphrase-stdin'], `${PASS}\n`);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Run R-0002 \([0-9a-f-]{36}\): destroyed 0 clients/);
    expect(again.stdout).toContain('0 field groups removed from records that are kept');
    const verify = await confide(['verify', vault, '--user', 'Sam Okafor', '--passphrase-stdin'], `${PASS}\n`);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
  });
});
