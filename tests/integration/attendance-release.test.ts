import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allText, pdfText } from '../support/pdf-text';
import { parseCsv } from '../support/csv-parse';
import { blakeConsents, coupleForRelease, RECIPIENT } from '../support/release-fixture';
import { fixedClock, newVault, PASSPHRASE, tempFolder, type TestDoor } from '../support/vault-fixture';
import { recordTablesOf } from '../support/record-tables';

/**
 * Written consents to release information and the attendance summary made on them, through the core:
 * eligibility, refusals, the files written, and the disclosure log that records them.
 */
let folder: ReturnType<typeof tempFolder>;
let door: TestDoor;
let vaultDir: string;
let out: string;
let couple: Awaited<ReturnType<typeof coupleForRelease>>;
let now: Date;

beforeEach(async () => {
  folder = tempFolder();
  vaultDir = join(folder.dir, 'vault');
  now = new Date('2026-11-23T12:00:00Z');
  ({ door } = await newVault(vaultDir, () => now, 'Europe/London'));
  couple = await coupleForRelease((method, input) => door.call(method, input));
  out = join(folder.dir, 'out');
  mkdirSync(out);
});
afterEach(() => folder.cleanup());

const request = () => ({ clientId: couple.alex.id, periodFrom: '2026-10-01', periodTo: '2026-11-20', consentId: couple.consent.id });
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const attempts = async (action: 'attendance.export' | 'release-consent.create') =>
  (await door.call('audit.list', { action })).entries.map((entry) => entry.detail['outcome'] ?? 'done');

describe('recording a written consent to release information', () => {
  const base = () => ({
    clientId: couple.alex.id,
    recipientOrganisation: 'Leeds City Council',
    purpose: 'Housing application',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    signedOn: '2026-11-20',
    expiresOn: '2027-11-20',
  });

  it('keeps what the form says, attendance only by default, valid on the core’s clock', async () => {
    const consent = await door.call('releaseConsents.create', base());
    expect(consent).toMatchObject({ releases: 'attendance', status: 'valid', withdrawnOn: null, scan: null, recipient: { organisation: 'Leeds City Council', person: null } });
    expect((await door.call('releaseConsents.list', { clientId: couple.alex.id })).consents.map((c) => c.recipient.organisation)).toEqual([
      'Leeds City Council',
      RECIPIENT.organisation,
    ]);
  });

  it('refuses a consent signed in the future, or expiring before it was signed, next to the field', async () => {
    expect(await door.raw('releaseConsents.create', { ...base(), signedOn: '2026-11-24', expiresOn: '2027-11-24' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'Date signed cannot be in the future', issues: [{ path: 'signedOn' }] },
    });
    expect(await door.raw('releaseConsents.create', { ...base(), expiresOn: '2026-11-19' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'The consent cannot expire before the date it was signed', issues: [{ path: 'expiresOn' }] },
    });
    expect((await door.call('releaseConsents.list', { clientId: couple.alex.id })).consents).toHaveLength(1);
    expect((await attempts('release-consent.create')).filter((o) => o === 'refused')).toHaveLength(2);
  });

  it('keeps a scan of the signed form encrypted in the vault; an empty or wrong file is refused with nothing stored', async () => {
    const pdf = join(folder.dir, 'signed.pdf');
    writeFileSync(pdf, '%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const consent = await door.call('releaseConsents.create', { ...base(), scanPath: pdf });
    expect(consent.scan).toEqual({ size: readFileSync(pdf).length, contentType: 'application/pdf' });
    const blobs = readdirSync(join(vaultDir, 'blobs'));
    expect(blobs).toHaveLength(1);
    expect(readFileSync(join(vaultDir, 'blobs', blobs[0]!)).includes(Buffer.from('%PDF'))).toBe(false);

    const empty = join(folder.dir, 'empty.pdf');
    writeFileSync(empty, '');
    const text = join(folder.dir, 'form.txt');
    writeFileSync(text, 'not a scan');
    for (const scanPath of [empty, text, join(folder.dir, 'missing.pdf')]) {
      const result = await door.raw('releaseConsents.create', { ...base(), scanPath });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'scanPath' }] } });
    }
    expect(readdirSync(join(vaultDir, 'blobs'))).toEqual(blobs);
  });

  it('records a withdrawal with its date, once; nothing is released on the consent from then on', async () => {
    expect(await door.raw('releaseConsents.withdraw', { consentId: couple.consent.id, withdrawnOn: '2026-11-24' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'withdrawnOn', message: 'Date withdrawn cannot be in the future' }] },
    });
    const withdrawn = await door.call('releaseConsents.withdraw', { consentId: couple.consent.id, withdrawnOn: '2026-11-22' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawnOn: '2026-11-22' });
    expect(await door.raw('releaseConsents.withdraw', { consentId: couple.consent.id, withdrawnOn: '2026-11-22' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await door.raw('attendance.export', { ...request(), jointSessions: 'exclude', outputFolder: out })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'This consent was withdrawn on 22 November 2026: nothing can be released on it' },
    });
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('the attendance summary', () => {
  it('is refused while a partner has not consented, listing them; nothing is written and the refusal is an attempt', async () => {
    const preview = await door.call('attendance.preview', request());
    expect(preview.missing).toEqual([{ client: { id: couple.blake.id, reference: 'C-0002', name: 'Blake Rivers' }, sessionDates: ['2026-10-05'], reason: 'no-consent' }]);
    expect(preview.letter).toBeNull();
    const before = await recordTablesOf(door, vaultDir, { passphrase: PASSPHRASE });
    const refused = await door.raw('attendance.export', { ...request(), outputFolder: out });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message:
          'Joint sessions cannot be included: C-0002 has no written consent to release information to this recipient (1 joint session). Record their written consent, or choose individual sessions only.',
      },
    });
    // The refusal names the partner by reference only, and not the recipient.
    expect(JSON.stringify(refused)).not.toMatch(/Blake|Leeds/);
    expect(readdirSync(out)).toEqual([]);
    expect(await recordTablesOf(door, vaultDir, { passphrase: PASSPHRASE })).toEqual(before);
    expect(await attempts('attendance.export')).toEqual(['refused']);
  });

  it('“individual sessions only” exports a letter that says so, and a CSV, entered with their SHA-256 in the disclosure log', async () => {
    const result = await door.call('attendance.export', { ...request(), jointSessions: 'exclude', includeDateOfBirth: true, outputFolder: out });
    expect(readdirSync(out).sort()).toEqual(['attendance-summary-D-0001-2026-11-23.csv', 'attendance-summary-D-0001-2026-11-23.pdf']);
    for (const file of result.files) {
      expect(file.path).toBe(join(out, file.name));
      expect(sha256(file.path)).toBe(file.sha256);
      expect(readFileSync(file.path).length).toBe(file.bytes);
    }
    const text = allText(await pdfText(readFileSync(join(out, 'attendance-summary-D-0001-2026-11-23.pdf'))));
    expect(text).toContain('We confirm that Alex Rivers attended 2 sessions at Riverside Counselling between 1 October 2026 and 20 November 2026.');
    expect(text).toContain('This count is of individual sessions only: it excludes joint work');
    expect(text).toContain('12 October 2026 9 November 2026');
    expect(text).toContain('date of birth 3 May 1990');
    expect(text).not.toContain('5 October 2026');
    expect(text).not.toMatch(/Blake|Referral|Evidence of engagement/);
    const rows = parseCsv(readFileSync(join(out, 'attendance-summary-D-0001-2026-11-23.csv'), 'utf8').replace(/^\uFEFF/, ''));
    expect(rows.slice(1).map((row) => [row[6], row[7], row[8]])).toEqual([
      ['Session attended', '2026-10-12', '1'],
      ['Session attended', '2026-11-09', '1'],
      ['Total sessions attended (individual sessions only: joint work excluded)', '', '2'],
    ]);

    const [entry] = (await door.call('disclosures.list', {})).disclosures;
    expect(entry).toMatchObject({
      reference: 'D-0001',
      disclosedOn: '2026-11-23',
      client: { reference: 'C-0001' },
      recipient: RECIPIENT,
      basis: 'consent',
      kind: 'attendance-summary',
      releasedBy: 'Sam Okafor',
      clientTold: 'consented',
      consents: [{ id: couple.consent.id, signedOn: '2026-11-16' }],
      attendance: { periodFrom: '2026-10-01', periodTo: '2026-11-20', sessionsAttended: 2, didNotAttend: null, cancelled: null, individualSessionsOnly: true, includesDateOfBirth: true },
    });
    expect(entry!.files.map((f) => [f.name, f.sha256]).sort()).toEqual(result.files.map((f) => [f.name, sha256(f.path)]).sort());
    // The disclosure is in both partners' files only if both partners' information left: here, Alex's alone.
    expect((await door.call('disclosures.list', { clientId: couple.blake.id })).disclosures).toEqual([]);
    expect(await attempts('attendance.export')).toEqual(['done']);
  });

  it('counts joint sessions once every attendee has consented, relying on both consents', async () => {
    const blake = await blakeConsents((m, i) => door.call(m, i), couple.blake.id);
    const preview = await door.call('attendance.preview', request());
    expect(preview.missing).toEqual([]);
    expect(preview.reliedOn.map((r) => [r.client.reference, r.consentId])).toEqual([
      ['C-0001', couple.consent.id],
      ['C-0002', blake.id],
    ]);
    expect(preview.letter?.dates).toEqual(['5 October 2026', '12 October 2026', '9 November 2026']);
    // Missed joint sessions need Blake's consent to counts as well, which he did not give.
    const withCounts = await door.call('attendance.preview', { ...request(), includeMissedAndCancelled: true });
    expect(withCounts.missing).toMatchObject([{ client: { reference: 'C-0002' }, sessionDates: ['2026-10-19'], reason: 'counts' }]);

    const result = await door.call('attendance.export', { ...request(), outputFolder: out });
    expect(result.disclosure.consents.map((c) => c.client.reference)).toEqual(['C-0001', 'C-0002']);
    expect((await door.call('disclosures.list', { clientId: couple.blake.id })).disclosures.map((d) => d.reference)).toEqual(['D-0001']);
    const text = allText(await pdfText(readFileSync(result.files[0]!.path)));
    expect(text).toContain('attended 3 sessions');
    expect(text).not.toContain('individual sessions only');
    expect(text).not.toContain('Blake');
  });

  it('the preview shows the letter’s own words and the CSV’s cells, exactly as exported', async () => {
    const preview = await door.call('attendance.preview', { ...request(), jointSessions: 'exclude', includeMissedAndCancelled: true });
    const result = await door.call('attendance.export', { ...request(), jointSessions: 'exclude', includeMissedAndCancelled: true, outputFolder: out });
    const text = allText(await pdfText(readFileSync(result.files[0]!.path)));
    const letter = preview.letter!;
    for (const words of [letter.subject, letter.salutation, ...letter.dates, ...letter.otherCounts, letter.signature.name, letter.reference, letter.date]) {
      expect(text).toContain(words);
    }
    for (const paragraph of [...letter.opening, ...letter.closingParagraphs]) expect(text.replace(/\s+/g, ' ')).toContain(paragraph);
    expect(preview.fileNames).toEqual(result.files.map((f) => f.name));
    const csv = parseCsv(readFileSync(result.files[1]!.path, 'utf8').replace(/^\uFEFF/, ''));
    expect(csv).toEqual(preview.csv);
  });

  it('is refused on an expired consent, even one that was valid when the wizard started', async () => {
    const preview = await door.call('attendance.preview', { ...request(), jointSessions: 'exclude' });
    expect(preview.letter).not.toBeNull();
    now = new Date('2027-11-16T09:00:00Z');
    expect(await door.raw('attendance.export', { ...request(), jointSessions: 'exclude', outputFolder: out })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'This consent expired on 15 November 2027: nothing can be released on it', issues: [{ path: 'consentId' }] },
    });
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses a folder that is missing, relative, a file or inside the vault; and never overwrites a file', async () => {
    const exclude = { ...request(), jointSessions: 'exclude' as const };
    const refusal = async (outputFolder: string) => {
      const result = await door.raw('attendance.export', { ...exclude, outputFolder });
      return result.ok ? 'exported' : `${result.error.issues?.[0]?.path}: ${result.error.message}`;
    };
    expect(await refusal(join(folder.dir, 'nowhere'))).toBe('outputFolder: That folder does not exist, or Confide cannot open it');
    expect(await refusal('letters')).toBe('outputFolder: Give the folder’s full path, starting from the top of the disk');
    writeFileSync(join(folder.dir, 'a-file'), 'x');
    expect(await refusal(join(folder.dir, 'a-file'))).toBe('outputFolder: That is a file, not a folder: choose a folder');
    expect(await refusal(vaultDir)).toMatch(/^outputFolder: Exported files are not encrypted/);
    expect(await refusal(join(vaultDir, 'blobs'))).toMatch(/^outputFolder: Exported files are not encrypted/);

    // A file of the same name (the CSV's) stops the export after the PDF was written: the PDF goes too.
    writeFileSync(join(out, 'attendance-summary-D-0001-2026-11-23.csv'), 'someone else’s file');
    const before = await recordTablesOf(door, vaultDir, { passphrase: PASSPHRASE });
    expect(await door.raw('attendance.export', { ...exclude, outputFolder: out })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'A file called attendance-summary-D-0001-2026-11-23.csv is already in that folder. Move it, or choose another folder.' },
    });
    expect(readdirSync(out)).toEqual(['attendance-summary-D-0001-2026-11-23.csv']);
    expect(readFileSync(join(out, 'attendance-summary-D-0001-2026-11-23.csv'), 'utf8')).toBe('someone else’s file');
    expect(await recordTablesOf(door, vaultDir, { passphrase: PASSPHRASE })).toEqual(before);
  });

  it('needs the letterhead’s signatory, and says where a director sets it', async () => {
    await door.call('practice.update', { addressLines: [], letterheadLine: '', signatoryName: '', signatoryRole: '' });
    expect(await door.raw('attendance.preview', { ...request(), jointSessions: 'exclude' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'The practice’s letterhead has no signatory yet. A practice director sets it in Settings, under Letterhead.' },
    });
  });

  it('names the client as the recipient needs: by name, by date of birth, or both, never by neither', async () => {
    const byBirth = await door.call('attendance.preview', { ...request(), jointSessions: 'exclude', includeName: false, includeDateOfBirth: true });
    expect(byBirth.letter?.subject).toBe('Attendance summary: our client, date of birth 3 May 1990');
    expect(JSON.stringify(byBirth.letter)).not.toContain('Alex');
    expect(await door.raw('attendance.preview', { ...request(), includeName: false })).toMatchObject({ ok: false, error: { issues: [{ path: 'includeName' }] } });
  });
});

describe('the disclosure log', () => {
  it('a director sees the practice’s; a therapist only disclosures about their own caseload', async () => {
    await door.call('attendance.export', { ...request(), jointSessions: 'exclude', outputFolder: out });
    await door.call('users.create', { name: 'Tess Morgan', roles: ['therapist'], passphrase: 'tess has a caseload of her own' });
    await door.call('vault.lock', {});
    await door.call('vault.unlock', { userName: 'Tess Morgan', passphrase: 'tess has a caseload of her own' });
    expect((await door.call('disclosures.list', {})).disclosures).toEqual([]);
    expect(await door.raw('disclosures.list', { clientId: couple.alex.id })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
