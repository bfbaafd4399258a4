/**
 * A Confide process for the reliability tests to kill or race: `node --import tsx child.ts` with one JSON
 * line on standard input saying what to do. It prints `ready` before the step under test and one line per
 * acknowledged result, so the parent knows what was promised before it killed the process.
 */
import { createInterface } from 'node:readline';
import { createCore } from '../../../electron/core/core';
import { typedCall } from '../../../electron/core/typed-call';
import { openVaultDatabaseIndependently } from '../../support/independent-open';
import { TEST_KDF } from '../../support/vault-fixture';

export type ChildTask =
  | { task: 'write-clients'; vaultDir: string; passphrase: string }
  | { task: 'write-notes'; vaultDir: string; passphrase: string; clientId: string; pauseEvery: number }
  | { task: 'create'; vaultDir: string; practiceName: string; userName: string; passphrase: string }
  | { task: 'change-passphrase'; vaultDir: string; passphrase: string; newPassphrase: string }
  | { task: 'add-user'; vaultDir: string; passphrase: string; name: string; userPassphrase: string }
  | { task: 'recover'; vaultDir: string; userName: string; recoveryCode: string; newPassphrase: string }
  | { task: 'open-and-list'; vaultDir: string; passphrase: string; holdMs: number }
  | { task: 'list-notes'; vaultDir: string; passphrase: string; clientId: string }
  | { task: 'unlock'; vaultDir: string; passphrase: string }
  | { task: 'raw-sort'; vaultDir: string; passphrase: string };

/** The body of the n-th note a child writes: a few kB, so a burst moves the WAL along quickly. */
export function noteBody(n: number): string {
  return `note ${n}: ${Array.from({ length: 400 }, (_, k) => `w${(n * 31 + k * 17) % 5000}`).join(' ')}`;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(task: ChildTask): Promise<void> {
  const core = createCore({ vaultDir: task.vaultDir, kdf: TEST_KDF, busyWaitMs: 30_000 });
  const report = (result: { ok: boolean; error?: { code: string } }) => say(result.ok ? 'done' : `failed ${result.error?.code}`);
  const unlock = async (passphrase: string) => {
    const result = await typedCall(core, 'vault.unlock', { passphrase });
    if (!result.ok) throw new Error(`unlock failed: ${result.error.code}`);
  };
  switch (task.task) {
    case 'write-clients': {
      await unlock(task.passphrase);
      say('ready');
      for (let n = 1; ; n++) {
        const result = await typedCall(core, 'clients.create', { name: `Client ${n}`, email: `client${n}@example.org` });
        if (!result.ok) throw new Error(result.error.code);
        say(`ack ${n}`);
      }
    }
    case 'write-notes': {
      // Bursts of autosaves with idle pauses between them, so kills land in calls and in idle checkpoints alike.
      await unlock(task.passphrase);
      say('ready');
      const about = { type: 'client', clientId: task.clientId, kind: 'client' } as const;
      for (let n = 1; ; n++) {
        const result = await typedCall(core, 'notes.saveDraft', { about, body: noteBody(n) });
        if (!result.ok) throw new Error(result.error.code);
        say(`ack ${n} ${result.value.noteId}`);
        if (n % task.pauseEvery === 0) await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
    case 'create':
      say('ready');
      report(await typedCall(core, 'vault.create', { practiceName: task.practiceName, userName: task.userName, passphrase: task.passphrase }));
      break;
    case 'change-passphrase':
      await unlock(task.passphrase);
      say('ready');
      report(await typedCall(core, 'vault.changePassphrase', { currentPassphrase: task.passphrase, newPassphrase: task.newPassphrase }));
      break;
    case 'add-user':
      await unlock(task.passphrase);
      say('ready');
      report(await typedCall(core, 'users.create', { name: task.name, roles: ['therapist'], passphrase: task.userPassphrase }));
      break;
    case 'recover':
      say('ready');
      report(await typedCall(core, 'vault.recover', { userName: task.userName, recoveryCode: task.recoveryCode, newPassphrase: task.newPassphrase }));
      break;
    case 'open-and-list': {
      say('ready');
      const unlocked = await typedCall(core, 'vault.unlock', { passphrase: task.passphrase });
      if (!unlocked.ok) {
        report(unlocked);
        break;
      }
      const listed = await typedCall(core, 'clients.list', {});
      // Keeps the vault open a while, as a person would, so two processes are sure to overlap.
      await new Promise((resolve) => setTimeout(resolve, task.holdMs));
      report(listed);
      break;
    }
    case 'list-notes':
      await unlock(task.passphrase);
      say('ready');
      report(await typedCall(core, 'notes.list', { clientId: task.clientId }));
      break;
    case 'raw-sort': {
      // The control for the temp-file test: SQLite's own default (temp_store = FILE), no Confide settings.
      const db = await openVaultDatabaseIndependently(task.vaultDir, task.passphrase);
      say('ready');
      const rows = db.prepare('SELECT * FROM notes ORDER BY created_at DESC').all();
      db.close();
      say(rows.length > 0 ? 'done' : 'failed empty');
      break;
    }
    case 'unlock':
      say('ready');
      report(await typedCall(core, 'vault.unlock', { passphrase: task.passphrase }));
      break;
  }
  core.lock('user');
}

say('loaded');
const lines = createInterface({ input: process.stdin });
lines.once('line', (line) => {
  lines.close();
  main(JSON.parse(line) as ChildTask).catch((error: unknown) => {
    say(`error ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
});
