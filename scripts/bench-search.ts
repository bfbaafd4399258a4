/**
 * Search at scale: a vault with 200,000 notes (BENCH_SEARCH_NOTES), filled straight into the database in one
 * transaction (filling through the contract would take many minutes), then searched through the contract.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../electron/core/core';
import { typedCall } from '../electron/core/typed-call';
import { closeVault, createVault } from '../electron/core/vault/vault';
import { DEFAULT_KDF } from '../electron/core/vault/kdf';

const NOTES = Number(process.env.BENCH_SEARCH_NOTES ?? 200_000);
const CLIENTS = Math.max(10, Math.floor(NOTES / 20));
const PASS = 'benchmark passphrase, long enough';
const WORDS = 'anxiety sleep work family grief anger trust partner mother father school money health change loss hope fear'.split(' ');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'confide-bench-search-'));
  const vaultDir = join(dir, 'vault');
  try {
    const now = () => new Date().toISOString();
    const { vault } = await createVault(vaultDir, { practiceName: 'Bench', userName: 'Bench User', passphrase: PASS }, { kdf: DEFAULT_KDF, now });
    const fillStart = performance.now();
    const db = vault.db;
    const userId = vault.user.id;
    const clientIds: string[] = [];
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      const addClient = db.prepare(
        'INSERT INTO clients (id, reference_no, name, therapist_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      const addCase = db.prepare(
        "INSERT INTO cases (id, reference_no, kind, therapist_id, opened_on, closed_on, created_at) VALUES (?, ?, 'individual', ?, '2020-01-01', NULL, ?)",
      );
      const addParticipant = db.prepare('INSERT INTO case_participants VALUES (?, ?)');
      const addNote = db.prepare(
        `INSERT INTO notes (id, kind, case_id, session_id, client_id, author_id, status, body, created_at, updated_at, finalised_at)
         VALUES (?, 'case', ?, NULL, NULL, ?, 'final', ?, ?, ?, ?)`,
      );
      const addSubject = db.prepare('INSERT INTO note_subjects VALUES (?, ?)');
      const caseIds: string[] = [];
      for (let i = 0; i < CLIENTS; i++) {
        const id = randomUUID();
        const caseId = randomUUID();
        addClient.run(id, i + 1, `Client ${i} Example`, userId, now(), now());
        addCase.run(caseId, i + 1, userId, now());
        addParticipant.run(caseId, id);
        clientIds.push(id);
        caseIds.push(caseId);
      }
      for (let n = 0; n < NOTES; n++) {
        const c = n % CLIENTS;
        const words = Array.from({ length: 60 }, (_v, k) => WORDS[(n * 7 + k * 13) % WORDS.length]).join(' ');
        const body = `Session ${n}. ${words}. marker${n}q`;
        const id = randomUUID();
        const at = now();
        addSubject.run(id, clientIds[c]);
        addNote.run(id, caseIds[c], userId, body, at, at, at);
      }
    })();
    closeVault(vault);
    const fillSeconds = (performance.now() - fillStart) / 1000;
    const size = statSync(join(vaultDir, 'vault.db')).size;

    const core = createCore({ vaultDir });
    const unlockStart = performance.now();
    const unlocked = await typedCall(core, 'vault.unlock', { userName: 'Bench User', passphrase: PASS });
    if (!unlocked.ok) throw new Error(unlocked.error.message);
    const unlockMs = performance.now() - unlockStart;

    const rows: string[][] = [];
    const time = async (label: string, input: { text: string; clientId?: string }) => {
      const samples: number[] = [];
      let hits = 0;
      for (let i = 0; i < 21; i++) {
        const start = performance.now();
        const result = await typedCall(core, 'search.query', input);
        samples.push(performance.now() - start);
        if (!result.ok) throw new Error(result.error.message);
        hits = result.value.hits.length;
      }
      samples.sort((a, b) => a - b);
      rows.push([label, String(hits), samples[10]!.toFixed(1), samples[19]!.toFixed(1)]);
    };
    await time('rare word (one note), whole practice', { text: `marker${Math.floor(NOTES / 2)}q` });
    await time('common word (every note), whole practice', { text: 'anxiety' });
    await time('two words, whole practice', { text: 'grief partner' });
    await time('prefix "gri", whole practice', { text: 'gri' });
    await time('common word within one client file', { text: 'anxiety', clientId: clientIds[7]! });
    await time('client name', { text: 'Client 4242' });
    const about = { type: 'client', clientId: clientIds[7]!, kind: 'client' } as const;
    const draft = await typedCall(core, 'notes.saveDraft', { about, body: 'first words' });
    if (!draft.ok) throw new Error(draft.error.message);
    const saves: number[] = [];
    for (let i = 0; i < 51; i++) {
      const start = performance.now();
      await typedCall(core, 'notes.saveDraft', { about, noteId: draft.value.noteId, body: `anxiety and sleep, draft ${i}. ${WORDS.join(' ')}` });
      saves.push(performance.now() - start);
    }
    saves.sort((a, b) => a - b);
    core.lock('user');

    console.log(`Search benchmark — ${NOTES} notes, ${CLIENTS} clients, vault.db ${(size / 1e6).toFixed(1)} MB, node ${process.version}`);
    console.log(`fill ${fillSeconds.toFixed(1)} s; unlock (Argon2 + page check) ${unlockMs.toFixed(0)} ms\n`);
    console.log('| search.query | hits returned | median ms | p95 ms |\n| --- | --- | --- | --- |');
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
    console.log(`\nnotes.saveDraft (autosave, re-indexed): median ${saves[25]!.toFixed(1)} ms, p95 ${saves[48]!.toFixed(1)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
