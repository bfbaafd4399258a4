import { describe, expect, it } from 'vitest';
import { bothConsent, consentInput, couplePractice } from '../support/recording-practice';
import { tempVaultEach } from '../support/temp-vault';
import { PASSPHRASE, USER } from '../support/vault-fixture';
import { writeSineWav } from '../support/wav';

/**
 * Who sees and plays recordings: the case's therapist plays; a director sees the register and consents
 * (identity and dates) and may record a withdrawal, but plays nothing of another therapist's clients; another
 * therapist sees nothing of them at all.
 */
const temp = tempVaultEach();
const TESS = { name: 'Tess Morgan', passphrase: 'tess has her own passphrase' };
const DEE = { name: 'Dee Director', passphrase: 'dee directs the whole practice' };

async function practiceWithRecording() {
  const practice = await couplePractice(temp.vaultDir);
  const { door, joint } = practice;
  const consents = await bothConsent(door, practice);
  const recording = await door.call('recordings.attach', { sessionId: joint.id, uses: ['supervision'], path: writeSineWav(temp.dir, 1).path });
  await door.call('users.create', { name: TESS.name, roles: ['therapist'], passphrase: TESS.passphrase });
  await door.call('users.create', { name: DEE.name, roles: ['director'], passphrase: DEE.passphrase });
  await door.call('vault.lock', {});
  return { ...practice, consents, recording };
}

describe('recordings by role', () => {
  it('another therapist finds nothing: not in the register, not by id, not as bytes', async () => {
    const { door, alex, couple, joint, recording, consents } = await practiceWithRecording();
    await door.call('vault.unlock', { userName: TESS.name, passphrase: TESS.passphrase });
    expect((await door.call('recordings.list', {})).recordings).toEqual([]);
    for (const [method, input] of [
      ['recordings.get', { recordingId: recording.id }],
      ['recordings.verify', { recordingId: recording.id }],
      ['recordings.list', { clientId: alex.id }],
      ['recordingConsents.list', { clientId: alex.id }],
      ['recordingConsents.withdraw', { consentId: consents.alex.id, withdrawnOn: '2026-11-20' }],
      ['recordingConsents.create', consentInput(alex.id, couple.id)],
      ['recordings.attach', { sessionId: joint.id, uses: ['supervision'], path: writeSineWav(temp.dir, 1).path }],
    ] as const) {
      expect({ method, result: await door.core.call(method, input) }).toMatchObject({ method, result: { ok: false, error: { code: 'not-found' } } });
    }
    expect(await door.core.readRecording(recording.id, 'bytes=0-')).toMatchObject({ status: 404, body: null });
    const attempts = await door.core.call('vault.lock', {});
    expect(attempts).toMatchObject({ ok: true });
    await door.call('vault.unlock', { userName: USER, passphrase: PASSPHRASE });
    const refused = (await door.call('audit.list', { action: 'recording.play' })).entries;
    expect(refused[0]).toMatchObject({ actor: { name: TESS.name }, detail: { outcome: 'refused', code: 'not-found' } });
  });

  it('a director sees the register and the consents, may record a withdrawal, but cannot play or record', async () => {
    const { door, alex, blake, couple, recording, consents } = await practiceWithRecording();
    await door.call('vault.unlock', { userName: DEE.name, passphrase: DEE.passphrase });
    const register = (await door.call('recordings.list', {})).recordings;
    expect(register).toMatchObject([{ reference: 'R-0001', status: 'available', can: { play: false } }]);
    expect(register[0]!.subjects.map((s) => s.reference)).toEqual(['C-0001', 'C-0002']);
    expect(await door.core.readRecording(recording.id, null)).toMatchObject({ status: 403, body: null });
    expect(await door.raw('recordings.verify', { recordingId: recording.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await door.raw('recordingConsents.create', consentInput(alex.id, couple.id))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const listed = await door.call('recordingConsents.list', { clientId: blake.id });
    expect(listed).toMatchObject({ consents: [{ reference: 'RC-0002', can: { withdraw: true } }], coverable: [] });
    expect(await door.call('recordingConsents.withdraw', { consentId: consents.blake.id, withdrawnOn: '2026-11-22' })).toMatchObject({ destroyedRecordings: 1 });
  });
});
