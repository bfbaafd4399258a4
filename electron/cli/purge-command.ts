import { fieldGroupLabels, type PurgePreview, type PurgeResult } from '../../shared/purge';
import type { Core } from '../core/types';
import { typedCall } from '../core/typed-call';
import type { Command } from './args';
import { valueOf } from './call-failed';
import { ExitCode, type ExitCodeValue } from './exit-codes';
import { progressBar } from './progress-bar';
import type { CliIo } from './run';
import type { SecretSource } from './secret-input';

type PurgeCommand = Extract<Command, { kind: 'purge' }>;

/**
 * `confide purge`: the director's passphrase unlocks the vault and approves the purge (the same proof the app asks
 * for). The preview is what is destroyed: the purge is refused if what is due changes between the two. Progress goes
 * to stderr on a terminal; --json prints the preview (with --dry-run) or the run as JSON on stdout.
 */
export async function purge(command: PurgeCommand, core: Core, secrets: SecretSource, io: CliIo): Promise<ExitCodeValue> {
  const passphrase = await secrets.next('Passphrase');
  valueOf(await typedCall(core, 'vault.unlock', { userName: command.user, passphrase }));
  const preview = valueOf(await typedCall(core, 'retention.purgePreview', {}));
  if (command.dryRun) {
    io.stdout.write(command.json ? `${JSON.stringify(preview, null, 2)}\n` : previewInWords(preview));
    return ExitCode.ok;
  }
  const bar = progressBar(io.stderr);
  const result = valueOf(
    await typedCall(core, 'retention.purge', { currentPassphrase: passphrase, planDigest: preview.planDigest }, { onProgress: bar.update }).finally(bar.end),
  );
  io.stdout.write(command.json ? `${JSON.stringify(result, null, 2)}\n` : resultInWords(result));
  if (!result.complete) {
    io.stderr.write('confide: the purge stopped before it finished; what it destroyed is registered. Run it again to finish.\n');
    return ExitCode.internal;
  }
  return ExitCode.ok;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

function previewInWords(preview: PurgePreview): string {
  const lines = [
    `Due for destruction on ${preview.today}: ${plural(preview.totals.clients, 'client')} (${plural(preview.totals.sessions, 'session')}, ` +
      `${plural(preview.totals.notes, 'note')}, ${plural(preview.totals.recordings, 'recording')}).`,
    ...preview.clients.map((c) => `  ${c.reference}  ${c.firstOn ?? '—'} to ${c.lastOn ?? '—'}  ${c.reason}`),
  ];
  if (preview.sessionsInError.length > 0) {
    lines.push(`Sessions entered in error: ${preview.sessionsInError.length}.`);
    for (const s of preview.sessionsInError) lines.push(`  ${s.reference}  session of ${s.on}`);
  }
  if (preview.fieldGroups.length > 0) {
    lines.push(`Parts of records kept, due now: ${plural(preview.fieldGroups.length, 'field group')}.`);
    for (const g of preview.fieldGroups) lines.push(`  ${g.reference}  ${fieldGroupLabels[g.what]} (${plural(g.fields, 'field')})  ${g.reason}`);
  }
  if (preview.fieldGroupsBlocked.length > 0) {
    lines.push(`Parts not destroyed (blocked): ${plural(preview.fieldGroupsBlocked.length, 'client')}.`);
    for (const b of preview.fieldGroupsBlocked) lines.push(`  ${b.reference}  ${b.reasons.join('; ')}`);
  }
  if (preview.blocked.length > 0) {
    lines.push(`Not destroyed (blocked): ${plural(preview.blocked.length, 'client')}.`);
    for (const b of preview.blocked) lines.push(`  ${b.reference}  ${b.reasons.join('; ')}`);
  }
  if (preview.cleanupOwed) lines.push('An earlier purge stopped before its clean-up; running the purge finishes it.');
  lines.push('Nothing has been destroyed (--dry-run).');
  return `${lines.join('\n')}\n`;
}

function resultInWords(result: PurgeResult): string {
  const t = result.totals;
  return (
    `Run R-${String(result.runNo).padStart(4, '0')} (${result.runId}): destroyed ${plural(t.clients, 'client')} — ${plural(t.sessions, 'session')}, ` +
    `${plural(t.notes, 'note')}, ${plural(t.recordings, 'recording')}; ${plural(t.jointKept, 'joint record')} kept for the other people in them; ` +
    `${plural(t.fieldGroups, 'field group')} removed from records that are kept.\n` +
    'Save its certificate with: confide call <vault-dir> retention.certificate --input <file> ({"runId": "…", "outputFolder": "…"}).\n'
  );
}
