import { spawn } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openVaultDatabaseIndependently } from '../support/independent-open';
import { newVault, openDoor, PASSPHRASE, tempFolder, USER, type TestDoor } from '../support/vault-fixture';
import { iterations } from './iterations';

/**
 * A purge killed (SIGKILL) at any moment leaves the vault consistent: each client is wholly destroyed and
 * registered, or wholly present; nothing is registered that was not destroyed; the audit chain verifies; and
 * running the purge again finishes the job.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const PURGE_AT = '2026-11-25T10:00:00Z';
// Enough clients that the purge takes several of its ~50 ms batches on a fast, idle machine too, so kills land part-way.
const DUE = 240;
const COUPLES = 4;
/** Clients kept whose referrer details and equality answers are due: both go in one transaction, or neither. */
const FIELD_GROUP_CLIENTS = 6;

let folder: ReturnType<typeof tempFolder>;
let template = '';
let childScript = '';
/** Per client in the template: what it holds, to tell "wholly present" from "partly destroyed". */
const shape = new Map<string, { notes: number; sessions: number; due: boolean }>();
const fieldGroupClients: string[] = [];

beforeAll(async () => {
  folder = tempFolder();
  template = join(folder.dir, 'template');
  let now = new Date('2016-07-01T09:00:00Z');
  const { door } = await newVault(template, () => now, 'Europe/London');
  for (let i = 0; i < DUE; i++) await individual(door, `Due Client ${i}`, true);
  for (let i = 0; i < COUPLES; i++) {
    const due = await door.call('clients.create', { name: `Leaving Partner ${i}` });
    const stays = await door.call('clients.create', { name: `Staying Partner ${i}` });
    const couple = await door.call('cases.create', { kind: 'couple', participantIds: [due.id, stays.id], openedOn: '2015-03-02' });
    const joint = await door.call('sessions.create', {
      caseId: couple.id, startsAt: '2015-03-09T10:00', durationMinutes: 50, modality: 'in-person', status: 'attended', attendeeIds: [due.id, stays.id],
    });
    const note = await door.call('notes.saveDraft', { about: { type: 'session', sessionId: joint.id }, body: `joint words ${i}` });
    await door.call('notes.finalise', { noteId: note.noteId, clientId: stays.id });
    await door.call('cases.close', { caseId: couple.id, closedOn: '2016-01-04' });
    shape.set(due.id, { notes: 1, sessions: 1, due: true });
    shape.set(stays.id, { notes: 1, sessions: 1, due: false });
    now = new Date('2023-05-02T09:00:00Z');
    await door.call('cases.create', { kind: 'individual', participantIds: [stays.id], openedOn: '2023-05-02' });
    now = new Date('2016-07-01T09:00:00Z');
  }
  now = new Date('2023-06-01T09:00:00Z');
  for (let i = 0; i < 5; i++) await individual(door, `Current Client ${i}`, false);
  for (let i = 0; i < FIELD_GROUP_CLIENTS; i++) {
    const kept = await door.call('clients.create', {
      name: `Kept Client ${i}`, referrerName: 'A Referrer', referrerContact: 'referrals@example.org', equality: { consentRecorded: true, ethnicity: 'Answered' },
    });
    const kase = await door.call('cases.create', { kind: 'individual', participantIds: [kept.id], openedOn: '2023-01-02' });
    await door.call('cases.close', { caseId: kase.id, closedOn: '2023-05-31' });
    fieldGroupClients.push(kept.id);
  }
  await door.call('vault.lock', {});

  childScript = join(ROOT, 'dist', 'test-children', 'purge-child.mjs');
  await build({
    entryPoints: [join(ROOT, 'tests/reliability/purge-child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    // Packages load from the checkout's node_modules (native addons, pdfkit's data files).
    packages: 'external',
    logLevel: 'warning',
  });
}, 120_000);
afterAll(() => folder.cleanup());

async function individual(door: TestDoor, name: string, due: boolean): Promise<void> {
  const client = await door.call('clients.create', { name, referrerName: 'A Referrer' });
  const opened = due ? '2015-02-02' : '2023-05-02';
  const kase = await door.call('cases.create', { kind: 'individual', participantIds: [client.id], openedOn: opened });
  for (const startsAt of [`${opened}T10:00`, `${opened}T15:00`]) {
    const session = await door.call('sessions.create', { caseId: kase.id, startsAt, durationMinutes: 50, modality: 'video', status: 'attended', attendeeIds: [client.id] });
    const note = await door.call('notes.saveDraft', { about: { type: 'session', sessionId: session.id }, body: `${name} talked` });
    await door.call('notes.finalise', { noteId: note.noteId, clientId: client.id });
    await door.call('notes.amend', { noteId: note.noteId, clientId: client.id, body: `${name} talked more`, reason: 'clearer' });
  }
  if (due) await door.call('cases.close', { caseId: kase.id, closedOn: '2016-03-01' });
  shape.set(client.id, { notes: 2, sessions: 2, due });
}

/** Runs the purge in a child process and kills it `delayMs` after it is ready to purge (never, if negative). */
type ChildLines = string[] & { purgeMs?: number; destroyFromMs?: number; destroyToMs?: number };

function purgeAndKill(vaultDir: string, delayMs: number): Promise<ChildLines> {
  return new Promise((resolve) => {
    let readyAt = 0;
    const child = spawn(process.execPath, [childScript, vaultDir, USER, PASSPHRASE, PURGE_AT], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: ChildLines = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (line.startsWith('ready')) readyAt = performance.now();
      if (line.startsWith('done')) lines.purgeMs = performance.now() - readyAt;
      if (line.startsWith('progress Destroying records')) {
        lines.destroyFromMs ??= performance.now() - readyAt;
        lines.destroyToMs = performance.now() - readyAt;
      }
      if (line.startsWith('ready') && delayMs >= 0) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('close', () => resolve(lines));
  });
}

/**
 * What the vault holds now, read without Confide's core: each client present whole, or destroyed and registered; each
 * kept client's field groups present and unregistered, or gone and registered once (both together).
 */
async function consistency(vaultDir: string): Promise<{ destroyed: number; fieldGroupsDone: number; runs: number }> {
  const db = await openVaultDatabaseIndependently(vaultDir, PASSPHRASE);
  try {
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const fts of ['notes_fts', 'note_amendments_fts', 'clients_fts']) db.exec(`INSERT INTO ${fts} (${fts}) VALUES ('integrity-check')`);
    const registered = new Set(db.prepare(`SELECT record_id FROM destruction_register WHERE what = 'client'`).pluck().all() as string[]);
    const present = db.prepare('SELECT count(*) FROM clients WHERE id = ?').pluck();
    const notes = db.prepare('SELECT count(*) FROM note_subjects WHERE client_id = ?').pluck();
    const sessions = db.prepare('SELECT count(*) FROM session_attendees WHERE client_id = ?').pluck();
    for (const [clientId, expected] of shape) {
      const there = present.get(clientId) === 1;
      expect({ clientId, there, registered: registered.has(clientId) }).toEqual({ clientId, there: !registered.has(clientId), registered: registered.has(clientId) });
      if (there) expect({ clientId, notes: notes.get(clientId), sessions: sessions.get(clientId) }).toEqual({ clientId, notes: expected.notes, sessions: expected.sessions });
      else expect({ clientId, due: expected.due }).toEqual({ clientId, due: true });
    }
    // Every joint note stays with the partner who remains, whether or not the other was destroyed.
    expect(db.prepare(`SELECT count(*) FROM notes WHERE body LIKE 'joint words %'`).pluck().get()).toBe(COUPLES);
    const groupEntries = db.prepare(`SELECT what FROM destruction_register WHERE record_id = ? AND what IN ('referrer', 'equality-monitoring') ORDER BY what`).pluck();
    const held = db.prepare(`SELECT (SELECT count(*) FROM client_referrers WHERE client_id = @id) + (SELECT count(*) FROM client_equality WHERE client_id = @id)`).pluck();
    let fieldGroupsDone = 0;
    for (const clientId of fieldGroupClients) {
      expect(present.get(clientId)).toBe(1);
      const entries = groupEntries.all(clientId);
      const state = { clientId, entries, held: held.get({ id: clientId }) };
      if (entries.length === 0) expect(state).toEqual({ clientId, entries: [], held: 2 });
      else expect(state).toEqual({ clientId, entries: ['equality-monitoring', 'referrer'], held: 0 });
      if (entries.length > 0) fieldGroupsDone += 1;
    }
    return { destroyed: registered.size, fieldGroupsDone, runs: db.prepare('SELECT count(*) FROM destruction_runs').pluck().get() as number };
  } finally {
    db.close();
  }
}

const runs = iterations(6, 120);

it('a purge killed at any moment leaves each client wholly destroyed and registered or wholly present, and a second purge finishes', { timeout: 120_000 + runs * 15_000 }, async () => {
  // How long an uninterrupted purge takes here, so the kills spread across it.
  const whole = join(folder.dir, 'whole');
  cpSync(template, whole, { recursive: true });
  const uninterrupted = await purgeAndKill(whole, -1);
  expect(uninterrupted.at(-1)).toBe(`done ${DUE + COUPLES}`);
  const span = Math.max(10, uninterrupted.purgeMs ?? 0);
  // Half the kills spread over the whole call (proof, plan, destruction, clean-up), half over the batches
  // of destruction alone, so some land between batches however fast the machine is.
  const from = uninterrupted.destroyFromMs ?? 0;
  const to = uninterrupted.destroyToMs ?? span;
  const killAt = (run: number) =>
    run % 2 === 0 ? Math.floor((span * run) / runs) : Math.floor(from + ((to - from) * (run + 0.5)) / runs);
  expect(await consistency(whole)).toEqual({ destroyed: DUE + COUPLES, fieldGroupsDone: FIELD_GROUP_CLIENTS, runs: 1 });

  const seen = { none: 0, some: 0, all: 0 };
  for (let run = 0; run < runs; run++) {
    const vaultDir = join(folder.dir, `run-${run}`);
    mkdirSync(vaultDir);
    cpSync(template, vaultDir, { recursive: true });
    const lines = await purgeAndKill(vaultDir, killAt(run));
    const { destroyed, fieldGroupsDone } = await consistency(vaultDir);
    const done = destroyed + fieldGroupsDone;
    seen[done === 0 ? 'none' : done === DUE + COUPLES + FIELD_GROUP_CLIENTS ? 'all' : 'some'] += 1;
    // Nothing reported destroyed that is not: the last progress the child printed (clients, then kept clients' field
    // groups) is at most what is registered.
    const reported = lines.filter((line) => line.startsWith('progress Destroying records')).map((line) => Number(/ (\d+)\//.exec(line)![1]));
    expect(Math.max(0, ...reported)).toBeLessThanOrEqual(done);

    const door = await reopen(vaultDir);
    const preview = await door.call('retention.purgePreview', {});
    expect(preview.clients).toHaveLength(DUE + COUPLES - destroyed);
    expect(preview.fieldGroups).toHaveLength(2 * (FIELD_GROUP_CLIENTS - fieldGroupsDone));
    const again = await door.call('retention.purge', { currentPassphrase: PASSPHRASE, planDigest: preview.planDigest });
    expect(again.complete).toBe(true);
    expect(await door.call('vault.verify', {})).toMatchObject({ ok: true, chain: { ok: true } });
    await door.call('vault.lock', {});
    expect(await consistency(vaultDir)).toMatchObject({ destroyed: DUE + COUPLES, fieldGroupsDone: FIELD_GROUP_CLIENTS });
  }
  console.log(`killed purges (uninterrupted ${Math.round(span)} ms, destroying from ${Math.round(from)} to ${Math.round(to)} ms): ${JSON.stringify(seen)}`);
  expect(seen.none + seen.some + seen.all).toBe(runs);
  expect(seen.some).toBeGreaterThan(0);
});

async function reopen(vaultDir: string): Promise<TestDoor> {
  const door = openDoor(vaultDir, () => new Date(PURGE_AT), 'Europe/London');
  await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
  return door;
}
