import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAll } from '../support/blob-fixture';
import { recordTablesOf } from '../support/record-tables';
import { ALEX, BLAKE, blobsIn, bothConsent, consentInput, couplePractice } from '../support/recording-practice';
import { tempVaultEach } from '../support/temp-vault';
import { PASSPHRASE } from '../support/vault-fixture';
import { writeSineWav } from '../support/wav';

const temp = tempVaultEach();
const SAM = { passphrase: PASSPHRASE };

async function recordingRows(practice: Awaited<ReturnType<typeof couplePractice>>) {
  return (await practice.door.call('recordings.list', {})).recordings;
}

describe('attaching a recording needs every attendee’s own consent', () => {
  it('refuses while one partner has not consented, naming them; after they consent it is attached', async () => {
    const practice = await couplePractice(temp.vaultDir);
    const { door, alex, blake, couple, joint } = practice;
    const wav = writeSineWav(temp.dir, 1);
    const alexConsent = await door.call('recordingConsents.create', consentInput(alex.id, couple.id));
    expect(alexConsent).toMatchObject({ reference: 'RC-0001', status: 'in-force', sessions: null, uses: ['supervision'], hasScan: false });

    const before = await recordTablesOf(door, temp.vaultDir, SAM);
    const refused = await door.raw('recordings.attach', { sessionId: joint.id, uses: ['supervision'], path: wav.path });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (refused.ok) return;
    expect(refused.error.message).toContain(`${BLAKE} (C-0002): no recording consent is recorded`);
    expect(refused.error.message).not.toContain(ALEX);
    expect(blobsIn(temp.vaultDir)).toEqual([]);
    expect(await recordTablesOf(door, temp.vaultDir, SAM)).toEqual(before);

    await door.call('recordingConsents.create', consentInput(blake.id, couple.id, { uses: ['supervision', 'training'], destroyBy: '2027-05-01' }));
    const recording = await door.call('recordings.attach', { sessionId: joint.id, uses: ['supervision'], path: wav.path });
    expect(recording).toMatchObject({
      reference: 'R-0001',
      status: 'available',
      uses: ['supervision'],
      // The earliest destruction date either partner agreed to binds the recording.
      destroyBy: '2027-05-01',
      consents: [
        { reference: 'RC-0001', clientReference: 'C-0001' },
        { reference: 'RC-0002', clientReference: 'C-0002' },
      ],
      media: { contentType: 'audio/wav', size: wav.bytes.length },
      can: { play: true },
    });
    expect(recording.subjects.map((s) => s.name)).toEqual([ALEX, BLAKE]);
    expect(blobsIn(temp.vaultDir)).toHaveLength(1);
  });

  it('refuses a use one partner did not permit, a consent for other sessions, an expired or a withdrawn consent', async () => {
    const practice = await couplePractice(temp.vaultDir);
    const { door, alex, blake, couple, joint, alexAlone } = practice;
    const wav = writeSineWav(temp.dir, 1);
    await bothConsent(door, practice);
    const attach = (uses: Array<'supervision' | 'training' | 'research' | 'other'>, sessionId = joint.id) =>
      door.raw('recordings.attach', { sessionId, uses, path: wav.path });

    // Alex permitted supervision only.
    expect(await attach(['training'])).toMatchObject({ ok: false, error: { message: expect.stringContaining(`${ALEX} (C-0001): consent RC-0001 does not permit training`) } });

    // Alex's newer consent covers only the session he attended alone, and is the one the message names.
    await door.call('recordingConsents.create', consentInput(alex.id, couple.id, { sessionIds: [alexAlone.id], uses: ['training'], signedOn: '2026-11-10' }));
    expect(await attach(['training'])).toMatchObject({ ok: false, error: { message: expect.stringContaining('consent RC-0003 does not cover this session') } });
    expect((await door.call('recordings.attach', { sessionId: alexAlone.id, uses: ['training'], path: wav.path })).consents).toEqual([
      expect.objectContaining({ reference: 'RC-0003' }),
    ]);

    // Blake's newest consent expired yesterday (on the core's clock, 23 November 2026).
    await door.call('recordingConsents.create', consentInput(blake.id, couple.id, { signedOn: '2026-11-15', expiresOn: '2026-11-22', uses: ['research'] }));
    expect(await attach(['research'])).toMatchObject({ ok: false, error: { message: expect.stringContaining(`${BLAKE} (C-0002): consent RC-0004 expired on 22 November 2026`) } });

    // Withdrawn: Alex's case-wide consent no longer counts; his newest (session-only) one does not cover it.
    const consents = (await door.call('recordingConsents.list', { clientId: alex.id })).consents;
    await door.call('recordingConsents.withdraw', { consentId: consents.find((c) => c.reference === 'RC-0001')!.id, withdrawnOn: '2026-11-20' });
    expect(await attach(['supervision'])).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(blobsIn(temp.vaultDir)).toHaveLength(1);
  });

  it('a recording of a joint session is in both partners’ files; one of an individual session only in its client’s', async () => {
    const practice = await couplePractice(temp.vaultDir);
    const { door, alex, blake, solo, joint, individual } = practice;
    const wav = writeSineWav(temp.dir, 1);
    await bothConsent(door, practice);
    await door.call('recordingConsents.create', consentInput(alex.id, solo.id));
    const jointRecording = await door.call('recordings.attach', { sessionId: joint.id, uses: ['supervision'], path: wav.path });
    const alone = await door.call('recordings.attach', { sessionId: individual.id, uses: ['supervision'], path: wav.path });

    const inAlexFile = await door.call('recordings.list', { clientId: alex.id });
    expect(inAlexFile.recordings.map((r) => r.reference).sort()).toEqual([jointRecording.reference, alone.reference].sort());
    expect(inAlexFile.recordings.find((r) => r.id === jointRecording.id)?.otherSubjects.map((s) => s.name)).toEqual([BLAKE]);
    const inBlakeFile = await door.call('recordings.list', { clientId: blake.id });
    expect(inBlakeFile.recordings.map((r) => r.id)).toEqual([jointRecording.id]);
    expect(JSON.stringify(inBlakeFile)).not.toContain(alone.id);
    // Sessions Sam may attach to, in Alex's file: the three attended sessions of open cases he runs.
    expect(inAlexFile.attachable.map((s) => s.startsAt)).toEqual(['2026-11-09T10:00', '2026-11-04T15:00', '2026-11-02T10:00']);
  });

  it('keeps a recorded session’s attendance as it was while its recording is kept', async () => {
    const practice = await couplePractice(temp.vaultDir);
    const { door, alex, joint } = practice;
    await bothConsent(door, practice);
    await door.call('recordings.attach', { sessionId: joint.id, uses: ['supervision'], path: writeSineWav(temp.dir, 1).path });
    expect(await door.raw('sessions.update', { sessionId: joint.id, attendeeIds: [alex.id] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await door.raw('sessions.update', { sessionId: joint.id, durationMinutes: 55 })).toMatchObject({ ok: true });
  });
});

describe('bad input is refused clearly, with nothing half-stored', () => {
  it('a consent signed in the future, or expiring or destroyed before it was signed, names the date to fix', async () => {
    const { door, alex, couple } = await couplePractice(temp.vaultDir);
    const cases: Array<[Parameters<typeof consentInput>[2], string, string]> = [
      [{ signedOn: '2026-11-24' }, 'signedOn', 'The date signed cannot be in the future'],
      [{ expiresOn: '2026-10-31' }, 'expiresOn', 'The consent cannot expire before the date it was signed.'],
      [{ destroyBy: '2026-10-01' }, 'destroyBy', 'The destruction date cannot be before the date the consent was signed.'],
      [{ uses: ['other'] }, 'otherUse', 'Say what the other use is.'],
    ];
    for (const [overrides, field, message] of cases) {
      const result = await door.raw('recordingConsents.create', consentInput(alex.id, couple.id, overrides));
      expect({ field, result }).toMatchObject({ field, result: { ok: false, error: { code: 'invalid-input', issues: [{ path: field, message: expect.stringContaining(message) }] } } });
    }
    expect((await door.call('recordingConsents.list', { clientId: alex.id })).consents).toEqual([]);
  });

  it('a file that is not audio or video, an empty file, a missing file and a scan that is not a scan: each refused, no file left in blobs/', async () => {
    const practice = await couplePractice(temp.vaultDir);
    const { door, alex, couple, joint } = practice;
    await bothConsent(door, practice);
    const renamed = join(temp.dir, 'notes.mp4');
    writeFileSync(renamed, 'Session notes typed into a text file, renamed to look like a video.\n');
    const empty = join(temp.dir, 'empty.wav');
    writeFileSync(empty, '');
    const before = await recordTablesOf(door, temp.vaultDir, SAM);
    const attach = (path: string) => door.raw('recordings.attach', { sessionId: joint.id, uses: ['supervision'], path });
    expect(await attach(renamed)).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('not an audio or video recording') } });
    expect(await attach(empty)).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('empty (0 bytes)') } });
    expect(await attach(join(temp.dir, 'gone.wav'))).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('could not be read') } });
    const wavAsScan = writeSineWav(temp.dir, 1, 'scan.wav').path;
    expect(await door.raw('recordingConsents.create', consentInput(alex.id, couple.id, { scanPath: wavAsScan }))).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('not a scan') },
    });
    expect(blobsIn(temp.vaultDir)).toEqual([]);
    expect(await recordTablesOf(door, temp.vaultDir, SAM)).toEqual(before);
  });

  it('a consent with a scan of the signed form keeps the scan encrypted', async () => {
    const { door, alex, couple } = await couplePractice(temp.vaultDir);
    const scan = join(temp.dir, 'signed.png');
    writeFileSync(scan, Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(200, 7)]));
    const consent = await door.call('recordingConsents.create', consentInput(alex.id, couple.id, { scanPath: scan }));
    expect(consent.hasScan).toBe(true);
    expect(blobsIn(temp.vaultDir)).toHaveLength(1);
  });
});

describe('withdrawal destroys every recording that relied on the consent, at once', () => {
  it('the recording stays in the register as destroyed, its key and its file are gone, and it can no longer be played', async () => {
    const practice = await couplePractice(temp.vaultDir);
    const { door, blake, joint } = practice;
    const consents = await bothConsent(door, practice);
    const recording = await door.call('recordings.attach', { sessionId: joint.id, uses: ['supervision'], path: writeSineWav(temp.dir, 1).path });
    expect(blobsIn(temp.vaultDir)).toHaveLength(1);
    expect((await door.call('recordingConsents.list', { clientId: blake.id })).consents[0]).toMatchObject({ recordingsKept: 1, can: { withdraw: true } });

    expect(await door.raw('recordingConsents.withdraw', { consentId: consents.blake.id, withdrawnOn: '2026-11-24' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'withdrawnOn', message: 'The date of withdrawal cannot be in the future.' }] },
    });
    expect(await door.raw('recordingConsents.withdraw', { consentId: consents.blake.id, withdrawnOn: '2026-10-01' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'withdrawnOn', message: expect.stringContaining('before the consent was signed (1 November 2026)') }] },
    });
    const withdrawn = await door.call('recordingConsents.withdraw', { consentId: consents.blake.id, withdrawnOn: '2026-11-20' });
    expect(withdrawn).toMatchObject({ destroyedRecordings: 1, consent: { status: 'withdrawn', withdrawnOn: '2026-11-20', recordingsKept: 0, can: { withdraw: false } } });
    expect(blobsIn(temp.vaultDir)).toEqual([]);

    expect(await door.call('recordings.get', { recordingId: recording.id })).toMatchObject({
      status: 'destroyed',
      destroyedBecause: 'consent-withdrawn',
      media: null,
      can: { play: false },
    });
    const response = await door.core.readRecording(recording.id, null);
    expect(response).toMatchObject({ status: 409, body: null, message: expect.stringContaining('Recording R-0001 was destroyed on 23 November 2026') });
    expect(await door.raw('recordings.verify', { recordingId: recording.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await door.raw('recordingConsents.withdraw', { consentId: consents.blake.id, withdrawnOn: '2026-11-21' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'This consent was already withdrawn, on 20 November 2026.' },
    });
    // The other partner's consent and the register entry remain.
    expect((await recordingRows(practice)).map((r) => [r.reference, r.status])).toEqual([['R-0001', 'destroyed']]);
  });
});

describe('playback streams byte ranges through the core', () => {
  it('answers the whole file, a range, a suffix and an unsatisfiable range as a player expects', async () => {
    const practice = await couplePractice(temp.vaultDir);
    const { door, joint } = practice;
    await bothConsent(door, practice);
    const wav = writeSineWav(temp.dir, 10); // 160 KB: three chunks, so ranges cross chunk boundaries
    const { id } = await door.call('recordings.attach', { sessionId: joint.id, uses: ['supervision'], path: wav.path });
    const size = wav.bytes.length;

    const whole = await door.core.readRecording(id, null);
    expect(whole).toMatchObject({ status: 200, headers: { 'Content-Type': 'audio/wav', 'Content-Length': String(size), 'Accept-Ranges': 'bytes' } });
    expect((await readAll(whole.body!)).equals(wav.bytes)).toBe(true);

    const part = await door.core.readRecording(id, 'bytes=65530-65545');
    expect(part).toMatchObject({ status: 206, headers: { 'Content-Range': `bytes 65530-65545/${size}`, 'Content-Length': '16' } });
    expect((await readAll(part.body!)).equals(wav.bytes.subarray(65530, 65546))).toBe(true);

    const open = await door.core.readRecording(id, 'bytes=20000-');
    expect(open.headers['Content-Range']).toBe(`bytes 20000-${size - 1}/${size}`);
    expect((await readAll(open.body!)).equals(wav.bytes.subarray(20000))).toBe(true);

    const tail = await door.core.readRecording(id, 'bytes=-100');
    expect((await readAll(tail.body!)).equals(wav.bytes.subarray(size - 100))).toBe(true);

    expect(await door.core.readRecording(id, `bytes=${size}-`)).toMatchObject({ status: 416, body: null, headers: { 'Content-Range': `bytes */${size}` } });
    expect(await door.core.readRecording(id, 'bytes=0-1,5-9')).toMatchObject({ status: 200 });
    expect(await door.core.readRecording('not-an-id', null)).toMatchObject({ status: 404 });
    expect(await door.core.readRecording(crypto.randomUUID(), null)).toMatchObject({ status: 404 });
  });

  it('enters a new playback in the audit log, not each seek; a lock ends a stream being served', async () => {
    const practice = await couplePractice(temp.vaultDir);
    const { door, joint } = practice;
    await bothConsent(door, practice);
    const { id } = await door.call('recordings.attach', { sessionId: joint.id, uses: ['supervision'], path: writeSineWav(temp.dir, 3).path });
    const plays = async () => (await door.call('audit.list', { action: 'recording.play' })).entries.length;

    await readAll((await door.core.readRecording(id, 'bytes=30000-')).body!);
    expect(await plays()).toBe(1); // the first request since unlock
    await readAll((await door.core.readRecording(id, 'bytes=40000-')).body!);
    expect(await plays()).toBe(1); // a seek
    const fresh = await door.core.readRecording(id, 'bytes=0-');
    expect(await plays()).toBe(2); // a new playback
    const entry = (await door.call('audit.list', { action: 'recording.play' })).entries[0]!;
    expect(entry).toMatchObject({ clientReferences: ['C-0001', 'C-0002'], detail: { from: 0 } });

    const ended = new Promise<unknown>((resolve) => fresh.body!.once('error', resolve));
    door.core.lock('idle');
    expect(await ended).toMatchObject({ code: 'vault-locked' });
    expect(await door.core.readRecording(id, null)).toMatchObject({ status: 403, body: null });
  });
});
