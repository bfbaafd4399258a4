import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unwrapDataKeyIndependently } from '../support/independent-open';
import {
  ADA_MARKERS,
  addFieldGroupClient,
  addSessionInError,
  BEA_MARKERS,
  FIELD_GROUP_MARKERS,
  FOX_NAME,
  KEPT_MARKERS,
  purgePractice,
  SESSION_IN_ERROR_MARKERS,
  type PurgePractice,
} from '../support/purge-practice';
import { decryptedPages, findMarkers } from '../support/sqlcipher-pages';
import { PASSPHRASE, tempFolder, USER } from '../support/vault-fixture';

/**
 * A purge leaves no trace: every free-text field of the destroyed clients carries a marker, and after the purge no
 * page of vault.db nor frame of vault.db-wal — decrypted with the data key by node:crypto alone — holds any of
 * them, in UTF-8, UTF-16LE or UTF-16BE, in any case, whole or as the tail a full-text index keeps. The remaining
 * clients' records are intact (their markers are still found, which also shows the search can find) and the
 * vault verifies, audit chain included.
 */
const strip = (marker: string) => marker.split('@')[0]!;
// Fox's record is not due, but their referrer's details and equality answers are: those go, Fox's name stays.
const DESTROYED = [...Object.values(ADA_MARKERS), ...Object.values(BEA_MARKERS), ...Object.values(FIELD_GROUP_MARKERS), ...Object.values(SESSION_IN_ERROR_MARKERS)].map(strip);
const KEPT = [...Object.values(KEPT_MARKERS), FOX_NAME];
// Markers share a tail ("…notemark"); ten letters keep one marker's tails from matching another's.
const TAIL = { minTail: 10 };

let folder: ReturnType<typeof tempFolder>;
let practice: PurgePractice;
let vaultDir = '';
let key: Buffer;
let foxId = '';

beforeAll(async () => {
  folder = tempFolder();
  vaultDir = join(folder.dir, 'vault');
  practice = await purgePractice(vaultDir, folder.dir);
  foxId = await addFieldGroupClient(practice.door);
  await addSessionInError(practice.door);
  key = await unwrapDataKeyIndependently(vaultDir, PASSPHRASE);
}, 60_000);
afterAll(() => {
  key?.fill(0);
  folder.cleanup();
});

function tracesOf(markers: readonly string[]) {
  const pages = decryptedPages(vaultDir, key);
  expect(pages.every((page) => page.authentic)).toBe(true);
  return findMarkers(pages, markers, TAIL).map((hit) => `${hit.marker} (${hit.matched}, ${hit.encoding}) in ${hit.file} page ${hit.pageNumber}`);
}

describe('a purge leaves no trace in the vault file', () => {
  it('before the purge, every marker of the clients to destroy is in the file (the check can find them)', () => {
    const found = new Set(findMarkers(decryptedPages(vaultDir, key), DESTROYED).map((hit) => hit.marker));
    expect(DESTROYED.filter((marker) => !found.has(marker))).toEqual([]);
  });

  it('after the purge, no page of vault.db or its WAL holds any of them, while the vault is still open', async () => {
    const preview = await practice.door.call('retention.purgePreview', {});
    expect(preview.clients.map((c) => c.reference)).toEqual(['C-0001', 'C-0002']);
    expect(preview.fieldGroups.map((g) => [g.reference, g.what])).toEqual([
      ['C-0006', 'referrer'],
      ['C-0006', 'equality-monitoring'],
    ]);
    const run = await practice.door.call('retention.purge', { currentPassphrase: PASSPHRASE, planDigest: preview.planDigest });
    expect(run.complete).toBe(true);
    expect(tracesOf(DESTROYED)).toEqual([]);
  });

  it('nor after the vault is locked; the remaining clients’ text is all still there', async () => {
    await practice.door.call('vault.lock', {});
    expect(tracesOf(DESTROYED)).toEqual([]);
    const kept = new Set(findMarkers(decryptedPages(vaultDir, key), KEPT).map((hit) => hit.marker));
    expect(KEPT.filter((marker) => !kept.has(marker))).toEqual([]);
  });

  it('the remaining clients are intact and the vault verifies, audit chain and anchor included', async () => {
    const { door, ids } = practice;
    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    expect((await door.call('clients.get', { clientId: ids.cal })).name).toBe(`${KEPT_MARKERS.calName} Smith`);
    expect((await door.call('clients.get', { clientId: ids.dee })).name).toBe(`${KEPT_MARKERS.deeName} Brown`);
    expect(await door.call('clients.get', { clientId: foxId })).toMatchObject({ name: `${FOX_NAME} Fox`, referrerName: null, referrerContact: null, equality: null });
    expect((await door.call('notes.list', { clientId: ids.dee })).notes.map((n) => n.currentBody)).toEqual([`Dee ${KEPT_MARKERS.deeNote}`]);
    expect((await door.call('search.query', { text: KEPT_MARKERS.deeNote })).hits).toHaveLength(1);
    expect(await door.call('vault.verify', {})).toMatchObject({ ok: true, integrity: { ok: true }, chain: { ok: true } });
    await door.call('vault.lock', {});
  });
});
