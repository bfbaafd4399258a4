import { pbkdf2Sync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveKey, secretBytes } from '../../../electron/core/vault/kdf';
import { readKeyFile } from '../../../electron/core/vault/key-file';
import { openSlot } from '../../../electron/core/vault/key-slots';
import { normaliseRecoveryCode } from '../../../electron/core/vault/recovery-code';
import { tempFolder } from '../../support/vault-fixture';

/** The worked example in docs/vault-format.md, checked value by value, so the document cannot drift. */
const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'vault-format.md'), 'utf8');
const section = doc.slice(doc.indexOf('### Worked example'));
const keyFileText = /```json\n([\s\S]*?)\n```/.exec(section)![1]!;
const values = Object.fromEntries(
  /```text\n([\s\S]*?)\n```/
    .exec(section)![1]!
    .split('\n')
    .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
) as Record<string, string>;

describe('docs/vault-format.md worked example', () => {
  it('is a valid vault.keys (its checksum matches) whose slots unwrap to the stated data key', async () => {
    const folder = tempFolder();
    try {
      const path = join(folder.dir, 'vault.keys');
      writeFileSync(path, keyFileText);
      const keys = readKeyFile(path);
      const [passphraseSlot, recoverySlot] = keys.slots;
      expect(normaliseRecoveryCode(values['recovery code']!)).toBe(values['recovery secret fed to Argon2']);

      const kek = await deriveKey(secretBytes(values['passphrase']!), passphraseSlot!.salt, passphraseSlot!.kdf);
      expect(kek.toString('hex')).toBe(values['key-encryption key of the passphrase slot']);
      const recoveryKek = await deriveKey(secretBytes(values['recovery secret fed to Argon2']!), recoverySlot!.salt, recoverySlot!.kdf);
      expect(recoveryKek.toString('hex')).toBe(values['key-encryption key of the recovery slot']);

      expect((await openSlot(passphraseSlot!, secretBytes(values['passphrase']!)))?.toString('hex')).toBe(values['data key']);
      expect((await openSlot(recoverySlot!, secretBytes(values['recovery secret fed to Argon2']!)))?.toString('hex')).toBe(values['data key']);
      expect(await openSlot(passphraseSlot!, secretBytes('not the passphrase'))).toBeNull();
    } finally {
      folder.cleanup();
    }
  });

  it('gives the page HMAC key SQLCipher 4 derives from the data key and the file salt', () => {
    const salt = Buffer.from(values['vault.db salt (its first 16 bytes)']!, 'hex');
    const hmacSalt = Buffer.from(salt.map((byte) => byte ^ 0x3a));
    const key = pbkdf2Sync(Buffer.from(values['data key']!, 'hex'), hmacSalt, 2, 32, 'sha512');
    expect(key.toString('hex')).toBe(values['page HMAC key']);
  });
});
