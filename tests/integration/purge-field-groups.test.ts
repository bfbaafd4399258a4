import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVaultDatabaseIndependently } from '../support/independent-open';
import { allText, pdfText } from '../support/pdf-text';
import { LETTERHEAD } from '../support/release-fixture';
import { newVault, PASSPHRASE, tempFolder, USER, type TestDoor } from '../support/vault-fixture';

/**
 * Field groups that go before the record (DESIGN.md §1.5): a referrer's contact details when the last case closes,
 * equality-monitoring answers N months after. A purge destroys them from records that stay — by reference, with
 * register entries that identify no one — unless something stops the client's destruction (a hold stops this too).
 *
 * - Rae (C-0001): case closed 14 March 2024; record due 2031: referrer and equality answers both due.
 * - Sam (C-0002): case still open: nothing due.
 * - Tom (C-0003): case closed 1 June 2026: referrer due; equality answers not until 1 June 2027.
 * - Uma (C-0004): case closed 2022, a court hold on her case: blocked.
 * - Vic (C-0005): case closed 2016: the whole record is due and goes whole (not listed as field groups).
 * - Wyn (C-0006): never had a case: kept with the record.
 */
const TODAY = '2026-11-25';
const NAMES = ['Rae Quinton', 'Sam Open', 'Tom Recent', 'Uma Held', 'Vic Whole', 'Wyn Enquiry'];
const REFERRER = { referrerName: 'Dr Referrer Marlowe', referrerContact: 'marlowe.referrals@example.org, 0113 496 0000' };
const EQUALITY = { consentRecorded: true as const, ethnicity: 'Eqethnicityval', gender: 'Eqgenderval', sexualOrientation: 'Eqorientval', disability: 'Eqdisabilityval', religion: 'Eqreligionval' };

let folder: ReturnType<typeof tempFolder>;
let door: TestDoor;
let vaultDir = '';
const ids: Record<string, string> = {};

beforeAll(async () => {
  folder = tempFolder();
  vaultDir = join(folder.dir, 'vault');
  ({ door } = await newVault(vaultDir, () => new Date(`${TODAY}T10:00:00Z`), 'Europe/London'));
  await door.call('practice.update', LETTERHEAD);
  const closedCase = async (clientId: string, openedOn: string, closedOn: string | null) => {
    const kase = await door.call('cases.create', { kind: 'individual', participantIds: [clientId], openedOn });
    if (closedOn) await door.call('cases.close', { caseId: kase.id, closedOn });
    return kase.id;
  };
  for (const name of NAMES) ids[name.split(' ')[0]!] = (await door.call('clients.create', { name, ...REFERRER, equality: EQUALITY })).id;
  await closedCase(ids.Rae!, '2023-01-01', '2024-03-14');
  await closedCase(ids.Sam!, '2024-01-01', null);
  await closedCase(ids.Tom!, '2025-01-01', '2026-06-01');
  const umaCase = await closedCase(ids.Uma!, '2021-01-01', '2022-01-01');
  await door.call('holds.place', { caseId: umaCase, kind: 'court', reference: 'Leeds County Court LS22C00077' });
  await closedCase(ids.Vic!, '2015-01-01', '2016-01-01');
}, 60_000);
afterAll(() => folder.cleanup());

const file = (name: string) => door.call('clients.get', { clientId: ids[name]! });

describe('field groups due before the record', () => {
  it('the dashboard counts field groups due now by reference; held, open and not-yet-due clients are not among them', async () => {
    const overview = await door.call('retention.overview', {});
    expect(overview.fieldGroupsDueNow.map((c) => [c.reference, c.groups.map((g) => g.what)])).toEqual([
      ['C-0001', ['referrer', 'equality-monitoring']],
      ['C-0003', ['referrer']],
    ]);
    expect(overview.fieldGroupsDueNow[0]!.groups.map((g) => g.words)).toEqual([
      'due 14 March 2024: when the last case closed',
      'due 14 March 2025: 12 months after the end of service on 14 March 2024',
    ]);
    expect(overview.onHold.map((c) => c.reference)).toEqual(['C-0004']);
    expect(JSON.stringify(overview)).not.toMatch(/Rae|Tom|Marlowe|Eq[a-z]+val/);
  });

  it('the preview lists them by reference with field counts and reasons, and the blocked client with why — no names', async () => {
    const preview = await door.call('retention.purgePreview', {});
    expect(preview.clients.map((c) => c.reference)).toEqual(['C-0005']);
    expect(preview.fieldGroups).toEqual([
      { reference: 'C-0001', what: 'referrer', reason: 'due 14 March 2024: when the last case closed', fields: 2 },
      { reference: 'C-0001', what: 'equality-monitoring', reason: 'due 14 March 2025: 12 months after the end of service on 14 March 2024', fields: 5 },
      { reference: 'C-0003', what: 'referrer', reason: 'due 1 June 2026: when the last case closed', fields: 2 },
    ]);
    expect(preview.fieldGroupsBlocked).toEqual([{ reference: 'C-0004', reasons: [expect.stringContaining('court hold on case K-0004')] }]);
    expect(JSON.stringify(preview)).not.toMatch(/Rae|Tom|Uma|Marlowe|Eq[a-z]+val/);
  });

  it('a purge removes them, keeps the records, registers them without naming anyone, and the files show no referrer or answers', async () => {
    const preview = await door.call('retention.purgePreview', {});
    const run = await door.call('retention.purge', { currentPassphrase: PASSPHRASE, planDigest: preview.planDigest });
    expect(run).toMatchObject({ complete: true, totals: { clients: 1, fieldGroups: 3 } });
    expect(run.certificate.destroyed.map((d) => d.reference)).toEqual(['C-0005']);
    expect(run.certificate.fieldGroups).toEqual([
      { reference: 'C-0001', what: 'referrer', fields: 2 },
      { reference: 'C-0001', what: 'equality-monitoring', fields: 5 },
      { reference: 'C-0003', what: 'referrer', fields: 2 },
    ]);

    const rae = await file('Rae');
    expect(rae).toMatchObject({ name: 'Rae Quinton', referrerName: null, referrerContact: null, equality: null });
    expect((await door.call('cases.list', { clientId: ids.Rae! })).cases).toHaveLength(1);
    expect(await file('Tom')).toMatchObject({ name: 'Tom Recent', referrerName: null, referrerContact: null, equality: { ethnicity: EQUALITY.ethnicity } });
    for (const kept of ['Sam', 'Uma', 'Wyn']) {
      expect(await file(kept), kept).toMatchObject({ referrerName: REFERRER.referrerName, equality: { religion: EQUALITY.religion } });
    }
    expect(await door.raw('clients.get', { clientId: ids.Vic! })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    const register = await door.call('retention.register', {});
    expect(register.entries.map((e) => [e.what, e.reference, e.rule, e.firstOn, e.lastOn, e.records, e.sessions, e.notes])).toEqual([
      ['client', 'C-0005', expect.stringContaining('7 years after the last case closed'), '2015-01-01', '2016-01-01', 2, 0, 0],
      ['referrer', 'C-0001', 'due 14 March 2024: when the last case closed', '2023-01-01', '2024-03-14', 2, 0, 0],
      ['equality-monitoring', 'C-0001', 'due 14 March 2025: 12 months after the end of service on 14 March 2024', '2023-01-01', '2024-03-14', 5, 0, 0],
      ['referrer', 'C-0003', 'due 1 June 2026: when the last case closed', '2025-01-01', '2026-06-01', 2, 0, 0],
    ]);
    expect(register.runs[0]).toMatchObject({ planned: 3, destroyed: 4 });
    expect(JSON.stringify(register)).not.toMatch(/Rae|Tom|Marlowe|Eq[a-z]+val/);
    expect(await door.call('vault.verify', {})).toMatchObject({ ok: true, chain: { ok: true } });
  });

  it('a second purge finds nothing more to remove and reports nothing (idempotent)', async () => {
    const preview = await door.call('retention.purgePreview', {});
    expect(preview).toMatchObject({ clients: [], fieldGroups: [], fieldGroupsBlocked: [{ reference: 'C-0004' }] });
    expect((await door.call('retention.overview', {})).fieldGroupsDueNow).toEqual([]);
    const again = await door.call('retention.purge', { currentPassphrase: PASSPHRASE, planDigest: preview.planDigest });
    expect(again).toMatchObject({ complete: true, totals: { clients: 0, fieldGroups: 0 }, certificate: { destroyed: [], fieldGroups: [] } });
  });

  it('releasing the hold lets the next purge remove the held client’s field groups', async () => {
    const hold = (await door.call('holds.list', {})).holds.find((h) => h.releasedAt === null)!;
    await door.call('holds.release', { holdId: hold.id });
    const preview = await door.call('retention.purgePreview', {});
    expect(preview.fieldGroups.map((g) => [g.reference, g.what])).toEqual([
      ['C-0004', 'referrer'],
      ['C-0004', 'equality-monitoring'],
    ]);
    await door.call('retention.purge', { currentPassphrase: PASSPHRASE, planDigest: preview.planDigest });
    expect(await file('Uma')).toMatchObject({ name: 'Uma Held', referrerName: null, equality: null });
  });

  it('the certificate lists the parts destroyed by reference and counts, and names no one', async () => {
    const runId = (await door.call('retention.register', {})).runs.find((r) => r.runNo === 1)!.id;
    const out = join(folder.dir, 'certificates');
    mkdirSync(out);
    const saved = await door.call('retention.certificate', { runId, outputFolder: out });
    const pdf = readFileSync(saved.path);
    const text = allText(await pdfText(pdf));
    for (const expected of ['C-0005', 'C-0001', 'C-0003', 'Parts of records destroyed', 'contact details', 'Equality-monitoring answers', 'Parts destroyed']) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toMatch(/Rae|Tom|Marlowe|Eq[a-z]+val/);
    renderAllPages(saved.path, 'destruction-certificate-field-groups');
  });

  it('the audit entry of each removal names its run and how many groups; the details of the client’s other entries stay', async () => {
    await door.call('vault.lock', {});
    const db = await openVaultDatabaseIndependently(vaultDir, PASSPHRASE);
    try {
      const about = db.prepare('SELECT action, detail FROM audit_log WHERE target_id = ? ORDER BY seq').all(ids.Rae!) as Array<{ action: string; detail: string }>;
      expect(about.filter((e) => e.action === 'client.field-groups.destroy').map((e) => e.detail)).toEqual(['{"run":1,"groups":2}']);
      expect(about.some((e) => e.detail === '{"erased":true}')).toBe(false);
      expect(db.prepare('SELECT count(*) FROM client_referrers WHERE client_id IN (?, ?)').pluck().get(ids.Rae!, ids.Tom!)).toBe(0);
    } finally {
      db.close();
    }
    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
  });
});

/** Every page to test-results/documents/<name>-N.png with poppler's pdftoppm (when installed), to look at. */
function renderAllPages(pdfPath: string, name: string): void {
  const pdftoppm = ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm'].find((path) => existsSync(path));
  if (!pdftoppm) return;
  const dir = join(process.cwd(), 'test-results', 'documents');
  mkdirSync(dir, { recursive: true });
  execFileSync(pdftoppm, ['-png', '-r', '80', pdfPath, join(dir, name)]);
}
