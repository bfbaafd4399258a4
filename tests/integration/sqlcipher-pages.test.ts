import Database from 'better-sqlite3-multiple-ciphers';
import { cpSync, mkdirSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unwrapDataKeyIndependently } from '../support/independent-open';
import { decryptedPages, findMarkers, PAGE_SIZE, RESERVE_SIZE, type DecryptedPage } from '../support/sqlcipher-pages';
import { newVault, PASSPHRASE, type TestDoor } from '../support/vault-fixture';
import { tempVaultEach } from '../support/temp-vault';

const temp = tempVaultEach();

// ASCII markers: FTS5 folds case (and diacritics) in its index, so the search is case-insensitive.
const MARKERS = {
  clientName: 'Qzvexmarkname',
  preferredName: 'Qzvexmarkpref',
  sessionNote: 'qzvexmarksession',
  clientNote: 'QZVEXMARKCLIENTNOTE',
  amendment: 'qzvexmarkamend',
};

async function vaultWithMarkers(door: TestDoor) {
  const client = await door.call('clients.create', { name: `${MARKERS.clientName} Smith`, preferredName: MARKERS.preferredName });
  const kase = await door.call('cases.create', { kind: 'individual', participantIds: [client.id], openedOn: '2024-01-10' });
  const session = await door.call('sessions.create', {
    caseId: kase.id,
    startsAt: '2024-01-17T10:00',
    durationMinutes: 50,
    modality: 'in-person',
    status: 'attended',
    attendeeIds: [client.id],
  });
  const sessionNote = await door.call('notes.saveDraft', { about: { type: 'session', sessionId: session.id }, body: `Talked about ${MARKERS.sessionNote} today` });
  await door.call('notes.finalise', { noteId: sessionNote.noteId, clientId: client.id });
  await door.call('notes.amend', { noteId: sessionNote.noteId, clientId: client.id, body: `Corrected: ${MARKERS.amendment}`, reason: 'typo' });
  await door.call('notes.saveDraft', { about: { type: 'client', clientId: client.id, kind: 'client' }, body: `Letter from ${MARKERS.clientNote} on file` });
}

/** The files' bytes as they are on disk, shaped as pages so the same search runs over them. */
function rawPages(dir: string): DecryptedPage[] {
  return ['vault.db', 'vault.db-wal']
    .filter((name) => existsSync(join(dir, name)))
    .map((name) => ({ file: name as DecryptedPage['file'], pageNumber: 0, fileOffset: 0, authentic: false, plaintext: readFileSync(join(dir, name)) }));
}

const markerList = Object.values(MARKERS);
const markersFound = (pages: DecryptedPage[]) => new Set(findMarkers(pages, markerList).map((hit) => hit.marker));

describe('the SQLCipher page inspector (tests/support/sqlcipher-pages.ts)', () => {
  it('decrypts every page of vault.db and every WAL frame, each HMAC verified, and finds the markers only in plaintext', async () => {
    const { door } = await newVault(temp.vaultDir);
    await vaultWithMarkers(door);
    const key = await unwrapDataKeyIndependently(temp.vaultDir, PASSPHRASE);

    // While the vault is open the new rows sit in WAL frames.
    const open = decryptedPages(temp.vaultDir, key);
    const walFrames = open.filter((page) => page.file === 'vault.db-wal');
    expect(walFrames.length).toBeGreaterThan(0);
    expect(walFrames.length).toBe((statSync(join(temp.vaultDir, 'vault.db-wal')).size - 32) / (24 + PAGE_SIZE));
    expect(open.filter((page) => page.file === 'vault.db')).toHaveLength(statSync(join(temp.vaultDir, 'vault.db')).size / PAGE_SIZE);
    expect(open.every((page) => page.authentic)).toBe(true);
    expect(open.every((page) => page.plaintext.length === PAGE_SIZE - RESERVE_SIZE)).toBe(true);
    expect(markersFound(walFrames)).toEqual(new Set(markerList));
    expect(findMarkers(rawPages(temp.vaultDir), markerList)).toEqual([]);

    // Locking checkpoints the WAL into vault.db and truncates it.
    await door.call('vault.lock', {});
    const closed = decryptedPages(temp.vaultDir, key);
    expect(closed.every((page) => page.file === 'vault.db' && page.authentic)).toBe(true);
    expect(closed[0]!.plaintext.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(markersFound(closed)).toEqual(new Set(markerList));
    expect(findMarkers(rawPages(temp.vaultDir), markerList)).toEqual([]);
  });

  it('a changed byte fails that page’s HMAC, and a wrong key is refused at page 1', async () => {
    const { door } = await newVault(temp.vaultDir);
    await vaultWithMarkers(door);
    await door.call('vault.lock', {});
    const key = await unwrapDataKeyIndependently(temp.vaultDir, PASSPHRASE);

    const damaged = join(temp.dir, 'damaged');
    cpSync(temp.vaultDir, damaged, { recursive: true });
    const bytes = readFileSync(join(damaged, 'vault.db'));
    bytes[2 * PAGE_SIZE + 100]! ^= 0x01; // a byte of page 3's ciphertext
    writeFileSync(join(damaged, 'vault.db'), bytes);
    const pages = decryptedPages(damaged, key);
    expect(pages.filter((page) => !page.authentic).map((page) => page.pageNumber)).toEqual([3]);

    const wrongKey = Buffer.from(key);
    wrongKey[0]! ^= 0xff;
    expect(() => decryptedPages(temp.vaultDir, wrongKey)).toThrow(/page 1 of vault.db did not authenticate/);
  });
});

describe('findMarkers', () => {
  const page = (plaintext: Buffer): DecryptedPage => ({ file: 'vault.db', pageNumber: 7, fileOffset: 0, authentic: true, plaintext });
  const padded = (inner: Buffer, lead: number) => Buffer.concat([Buffer.alloc(lead, 0xab), inner, Buffer.alloc(9, 0xcd)]);

  it('finds a marker in UTF-8, UTF-16LE and UTF-16BE, at odd and even offsets, in any case', () => {
    const marker = 'Zq-Mark';
    const cases: Array<[string, Buffer]> = [
      ['utf-8', padded(Buffer.from('zQ-mARK', 'utf8'), 3)],
      ['utf-16le', padded(Buffer.from('ZQ-MARK', 'utf16le'), 5)],
      ['utf-16le', padded(Buffer.from('zq-mark', 'utf16le'), 4)],
      ['utf-16be', padded(Buffer.from('zq-MaRk', 'utf16le').swap16(), 7)],
      ['utf-16be', padded(Buffer.from('ZQ-mark', 'utf16le').swap16(), 2)],
    ];
    for (const [encoding, bytes] of cases) {
      expect(findMarkers([page(bytes)], [marker]).map((hit) => hit.encoding)).toContain(encoding);
    }
  });

  it('finds nothing in bytes that only resemble the marker', () => {
    const near = [Buffer.from('Zq-Mar', 'utf8'), Buffer.from('Zq Mark', 'utf16le'), Buffer.from('Zq-Marc', 'utf16le').swap16(), Buffer.alloc(4016)];
    expect(findMarkers(near.map(page), ['Zq-Mark'])).toEqual([]);
  });

  it('folds non-ASCII letters too', () => {
    expect(findMarkers([page(Buffer.from('ZOË ÅSTRÖM', 'utf8'))], ['zoë åström'])).toHaveLength(1);
  });
});

describe('markers that survive only in a full-text index', () => {
  it('are stored prefix-compressed by FTS5, so a marker sharing its start with the term before it is found only by its tail', () => {
    mkdirSync(temp.vaultDir);
    const key = Buffer.alloc(32, 7);
    const db = new Database(join(temp.vaultDir, 'vault.db'));
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    // Contentless: the only copy of each word is its index term, as after a delete that missed the index.
    db.exec(`CREATE VIRTUAL TABLE leftover USING fts5 (text, content = '')`);
    db.prepare('INSERT INTO leftover (rowid, text) VALUES (1, ?)').run('Qzvexmarkalpha qzvexmarkomega wkdjrhtbzp');
    db.close();
    const pages = decryptedPages(temp.vaultDir, key);
    const markers = ['qzvexmarkalpha', 'qzvexmarkomega', 'wkdjrhtbzp'];

    // "qzvexmarkomega" is stored as "omega" after the 9 letters it shares with "qzvexmarkalpha".
    expect(findMarkers(pages, markers).map((hit) => hit.marker)).toEqual(['qzvexmarkalpha', 'wkdjrhtbzp']);
    const withTails = findMarkers(pages, markers, { minTail: 5 });
    expect(withTails.map((hit) => [hit.marker, hit.matched])).toEqual([
      ['qzvexmarkalpha', 'qzvexmarkalpha'],
      ['qzvexmarkomega', 'omega'],
      ['wkdjrhtbzp', 'wkdjrhtbzp'],
    ]);
  });
});
