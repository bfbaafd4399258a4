/**
 * Retention at scale: a vault with 100,000 clients (BENCH_RETENTION_CLIENTS), each with a case closed between
 * 2012 and 2026, a note (BENCH_RETENTION_NOTES), a date of birth, and a hold or an open release on a few; filled straight into the
 * database in one transaction, then the dashboard (`retention.overview`), one client's date
 * (`retention.clientDue`) and a rules preview (`retention.previewRules`) timed through the contract.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../electron/core/core';
import { typedCall } from '../electron/core/typed-call';
import { DEFAULT_KDF } from '../electron/core/vault/kdf';
import { closeVault, createVault } from '../electron/core/vault/vault';
import { DEFAULT_RETENTION_RULES } from '../shared/rules/retention';

const CLIENTS = Number(process.env.BENCH_RETENTION_CLIENTS ?? 100_000);
const NOTES_EACH = Number(process.env.BENCH_RETENTION_NOTES ?? 1);
const PASS = 'benchmark passphrase, long enough';
const pad = (n: number) => String(n).padStart(2, '0');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'confide-bench-retention-'));
  const vaultDir = join(dir, 'vault');
  const clock = () => new Date('2026-11-25T12:00:00Z');
  try {
    const now = () => clock().toISOString();
    const { vault } = await createVault(vaultDir, { practiceName: 'Bench', userName: 'Bench User', passphrase: PASS }, { kdf: DEFAULT_KDF, now });
    const fillStart = performance.now();
    const db = vault.db;
    const userId = vault.user.id;
    let someClient = '';
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      const addClient = db.prepare('INSERT INTO clients (id, reference_no, name, date_of_birth, therapist_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const addCase = db.prepare("INSERT INTO cases (id, reference_no, kind, therapist_id, opened_on, closed_on, created_at) VALUES (?, ?, 'individual', ?, ?, ?, ?)");
      const addParticipant = db.prepare('INSERT INTO case_participants VALUES (?, ?)');
      const addNote = db.prepare(
        `INSERT INTO notes (id, kind, case_id, session_id, client_id, author_id, status, body, created_at, updated_at, finalised_at)
         VALUES (?, 'case', ?, NULL, NULL, ?, 'final', 'words', ?, ?, ?)`,
      );
      const addSubject = db.prepare('INSERT INTO note_subjects VALUES (?, ?)');
      const addHold = db.prepare("INSERT INTO legal_holds (id, client_id, case_id, kind, reference, placed_by, placed_at) VALUES (?, ?, NULL, 'court', 'ref', ?, ?)");
      const addConsent = db.prepare(
        `INSERT INTO release_consents (id, client_id, recipient_organisation, purpose, releases, period_from, period_to, signed_on, expires_on, recorded_by, recorded_at)
         VALUES (?, ?, 'Org', 'Purpose', 'attendance', '2020-01-01', '2020-12-31', '2026-01-01', '2027-06-01', ?, ?)`,
      );
      for (let i = 0; i < CLIENTS; i++) {
        const id = randomUUID();
        const caseId = randomUUID();
        const year = 2012 + (i % 15);
        const closed = `${year}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`;
        addClient.run(id, i + 1, `Client ${i}`, `${1950 + (i % 60)}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`, userId, now(), now());
        addCase.run(caseId, i + 1, userId, `${year - 1}-01-01`, i % 10 === 0 ? null : closed, now());
        addParticipant.run(caseId, id);
        for (let n = 0; n < NOTES_EACH; n++) {
          const noteId = randomUUID();
          addSubject.run(noteId, id);
          addNote.run(noteId, caseId, userId, now(), now(), now());
        }
        if (i % 500 === 0) addHold.run(randomUUID(), id, userId, now());
        if (i % 700 === 0) addConsent.run(randomUUID(), id, userId, now());
        if (i === Math.floor(CLIENTS / 2)) someClient = id;
      }
    })();
    closeVault(vault);
    const fillSeconds = (performance.now() - fillStart) / 1000;

    const core = createCore({ vaultDir, clock, timeZone: 'Europe/London' });
    const unlocked = await typedCall(core, 'vault.unlock', { userName: 'Bench User', passphrase: PASS });
    if (!unlocked.ok) throw new Error(unlocked.error.message);

    const time = async (label: string, run: () => Promise<string>) => {
      const samples: number[] = [];
      let said = '';
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        said = await run();
        samples.push(performance.now() - start);
      }
      samples.sort((a, b) => a - b);
      console.log(`| ${label} | ${samples[2]!.toFixed(0)} ms | ${samples[4]!.toFixed(0)} ms | ${said} |`);
    };
    console.log(`retention bench: ${CLIENTS} clients, ${CLIENTS * NOTES_EACH} notes (filled in ${fillSeconds.toFixed(1)} s)`);
    console.log(`load average at the start of timing: ${loadavg()[0]!.toFixed(1)} (2 cores)`);
    console.log('| call | median of 5 | slowest | result |');
    console.log('| --- | --- | --- | --- |');
    await time('retention.overview', async () => {
      const result = await typedCall(core, 'retention.overview', {});
      if (!result.ok) throw new Error(result.error.message);
      return `${result.value.dueNow.length} due now, ${result.value.dueSoon.length} due soon, ${result.value.onHold.length} on hold`;
    });
    await time('retention.clientDue (one client)', async () => {
      const result = await typedCall(core, 'retention.clientDue', { clientId: someClient });
      if (!result.ok) throw new Error(result.error.message);
      return result.value.decision.rule;
    });
    await time('retention.previewRules (8 years)', async () => {
      const result = await typedCall(core, 'retention.previewRules', { rules: { ...DEFAULT_RETENTION_RULES, clientRecords: { years: 8 } } });
      if (!result.ok) throw new Error(result.error.message);
      return `${result.value.moved} moved`;
    });
    await typedCall(core, 'vault.lock', {});
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
