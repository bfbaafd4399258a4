import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { allText, pdfText, renderFirstPage } from '../support/pdf-text';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Progress } from '../../shared/progress';
import { typedCall } from '../../electron/core/typed-call';
import { ADA_MARKERS, BEA_MARKERS, KEPT_MARKERS, purgePractice, type PurgePractice } from '../support/purge-practice';
import { openVaultDatabaseIndependently } from '../support/independent-open';
import { PASSPHRASE, tempFolder, USER } from '../support/vault-fixture';

let folder: ReturnType<typeof tempFolder>;
let practice: PurgePractice;
let vaultDir = '';

beforeAll(async () => {
  folder = tempFolder();
  vaultDir = join(folder.dir, 'vault');
  practice = await purgePractice(vaultDir, folder.dir);
}, 60_000);
afterAll(() => folder.cleanup());

describe('a retention purge through the contract', () => {
  it('previews what is due by reference, dates and counts, and who is blocked with why — no names', async () => {
    const preview = await practice.door.call('retention.purgePreview', {});
    expect(preview.clients.map((c) => c.reference)).toEqual(['C-0001', 'C-0002']);
    expect(preview.clients[0]).toMatchObject({ firstOn: '2015-02-02', lastOn: '2016-03-01', sessions: 2, notes: 3, recordings: 1, jointKept: 0 });
    expect(preview.clients[1]).toMatchObject({ firstOn: '2015-03-02', lastOn: '2016-06-01', sessions: 1, notes: 1, recordings: 0 });
    expect(preview.clients[1]!.jointKept).toBeGreaterThanOrEqual(2);
    expect(preview.blocked).toEqual([{ reference: 'C-0004', reasons: [expect.stringContaining('open release')] }]);
    expect(preview.totals).toEqual({ clients: 2, sessions: 3, notes: 4, recordings: 1 });
    expect(JSON.stringify(preview)).not.toMatch(/Lovelace|Smith|Jones|Brown/);
  });

  it('refuses a wrong passphrase and a stale preview, destroying nothing', async () => {
    const preview = await practice.door.call('retention.purgePreview', {});
    expect(await practice.door.raw('retention.purge', { currentPassphrase: 'not the passphrase at all', planDigest: preview.planDigest })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    expect(await practice.door.raw('retention.purge', { currentPassphrase: PASSPHRASE, planDigest: 'f'.repeat(64) })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect((await practice.door.call('clients.list', {})).clients).toHaveLength(5);
  });

  it('destroys the due clients with progress, keeps the joint records for the partner, and the vault verifies', async () => {
    const preview = await practice.door.call('retention.purgePreview', {});
    const events: Progress[] = [];
    const result = await typedCall(practice.door.core, 'retention.purge', { currentPassphrase: PASSPHRASE, planDigest: preview.planDigest }, { onProgress: (p) => events.push(p) });
    if (!result.ok) throw new Error(result.error.message);
    const run = result.value;
    expect(run).toMatchObject({ complete: true, runNo: 1, totals: { clients: 2, sessions: 3, notes: 4, recordings: 1 } });
    expect(run.pageCleanup).toBe('incremental-vacuum');
    expect(run.certificate.destroyed.map((d) => d.reference)).toEqual(['C-0001', 'C-0002']);
    expect(run.certificate.authorisedBy).toBe(USER);
    expect(run.certificate.rulesApplied.length).toBeGreaterThan(2);
    expect(events.at(-1)).toMatchObject({ done: 1, total: 1 });
    expect(events.some((e) => e.phase === 'Destroying records' && e.done === 2 && e.total === 2)).toBe(true);

    const { door, ids } = practice;
    expect((await door.call('clients.list', { status: 'all' })).clients.map((c) => c.reference).sort()).toEqual(['C-0003', 'C-0004', 'C-0005']);
    expect(await door.raw('clients.get', { clientId: ids.ada })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // The joint note stays in Cal's file, no longer naming Bea; Bea's own comment on it is gone, Cal's stays.
    const calNotes = (await door.call('notes.list', { clientId: ids.cal })).notes;
    const joint = calNotes.find((n) => n.id === ids.jointNote)!;
    expect(joint.currentBody).toContain(KEPT_MARKERS.jointNote);
    expect(joint).toMatchObject({ otherSubjects: [], formerSubjects: 1 });
    expect(JSON.stringify(calNotes)).not.toContain(BEA_MARKERS.comment);
    expect(JSON.stringify(calNotes)).toContain(KEPT_MARKERS.calComment);
    const calSessions = (await door.call('sessions.list', { clientId: ids.cal })).sessions;
    expect(calSessions.map((s) => [s.id, s.formerSubjects, s.individual])).toEqual([[ids.jointSession, 1, false]]);
    // Search finds nothing of the destroyed; the kept joint note is found in Cal's file.
    for (const word of [ADA_MARKERS.sessionNote, ADA_MARKERS.amendment, ADA_MARKERS.name, BEA_MARKERS.aloneNote, BEA_MARKERS.name]) {
      expect((await door.call('search.query', { text: word })).hits, word).toEqual([]);
    }
    expect((await door.call('search.query', { text: KEPT_MARKERS.jointNote, clientId: ids.cal })).hits).toHaveLength(1);
    expect((await door.call('disclosures.list', {})).disclosures).toEqual([]);

    const register = await door.call('retention.register', {});
    expect(register.runs).toMatchObject([{ runNo: 1, kind: 'purge', planned: 2, destroyed: 2, authorisedBy: USER }]);
    expect(register.entries.map((e) => [e.reference, e.firstOn, e.lastOn, e.sessions, e.notes, e.recordings])).toEqual([
      ['C-0001', '2015-02-02', '2016-03-01', 2, 3, 1],
      ['C-0002', '2015-03-02', '2016-06-01', 1, 1, 0],
    ]);
    expect(JSON.stringify(register)).not.toMatch(/Lovelace|Smith|kb[a-z]ada/);

    const verify = await door.call('vault.verify', {});
    expect(verify).toMatchObject({ ok: true, chain: { ok: true } });
    // The recording's and the scan's encrypted files went with their keys.
    expect(readdirSync(join(vaultDir, 'blobs')).filter((name) => !name.startsWith('.'))).toEqual([]);
  });

  it('saves the run’s certificate as a PDF in a chosen folder: practice, run, who authorised, references, counts and rules', async () => {
    const { door } = practice;
    const runId = (await door.call('retention.register', {})).runs[0]!.id;
    const saved = await door.call('retention.certificate', { runId, outputFolder: practice.exportFolder });
    expect(saved.path).toBe(join(practice.exportFolder, 'destruction-certificate-R-0001.pdf'));
    const pdf = readFileSync(saved.path);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(saved.sha256);
    const text = allText(await pdfText(pdf));
    for (const expected of ['Certificate of destruction', 'Riverside Counselling', runId, USER, 'C-0001', 'C-0002', '14 Wharf Street']) {
      expect(text, expected).toContain(expected);
    }
    expect(text).toContain('after their last case closes');
    expect(text).not.toMatch(/Lovelace|Smith|kb[a-z]{2}(ada|bea)/);
    renderFirstPage(pdf, 'destruction-certificate');
    // Never over an existing file, and never into the vault's folder.
    expect(await door.raw('retention.certificate', { runId, outputFolder: practice.exportFolder })).toMatchObject({ ok: false });
    expect(await door.raw('retention.certificate', { runId, outputFolder: vaultDir })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('keeps only ids and actions in the audit entries about the destroyed, and the chain still verifies', async () => {
    await practice.door.call('vault.lock', {});
    const db = await openVaultDatabaseIndependently(vaultDir, PASSPHRASE);
    try {
      const about = db.prepare(`SELECT action, detail FROM audit_log WHERE target_id = ? ORDER BY seq`).all(practice.ids.ada) as Array<{ action: string; detail: string }>;
      const destroyedAt = about.findIndex((e) => e.action === 'client.destroy');
      expect(destroyedAt).toBeGreaterThanOrEqual(3);
      // Every entry before the destruction keeps its action and ids only; the destruction names its run.
      expect(about.slice(0, destroyedAt).map((e) => e.detail)).toEqual(Array(destroyedAt).fill('{"erased":true}'));
      expect(about[destroyedAt]!.detail).toBe('{"run":1}');
    } finally {
      db.close();
    }
    await practice.door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    expect(await practice.door.call('vault.verify', {})).toMatchObject({ ok: true });
  });
});
