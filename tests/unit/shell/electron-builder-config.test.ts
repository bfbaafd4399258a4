import path from 'node:path';
import type { FileSet } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

// electron-builder's own loader and schema check, so a misspelt key fails here rather than at release time.
const repo = path.resolve(import.meta.dirname, '../../..');

/** The loader normalises `files` lists into FileSets; this flattens them back into patterns. */
function patterns(value: ReadonlyArray<FileSet | string> | FileSet | string | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) {
    const set = value as FileSet;
    return set.filter === undefined ? [] : patterns(set.filter);
  }
  return value.flatMap((item: FileSet | string) => patterns(item));
}

describe('electron-builder.yml', async () => {
  const config = await getConfig(repo, 'electron-builder.yml', null);

  it("passes electron-builder's schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('flips every hardening fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the built app only, with native code unpacked and no in-place rebuild', () => {
    expect(config.productName).toBe('Confide');
    const files = patterns(config.files);
    expect(files).toEqual(expect.arrayContaining(['dist/main/**', 'dist/renderer/**', 'resources/**', 'package.json']));
    expect(files.filter((pattern) => /^(electron|shared|renderer|tests|scripts|docs)\b/.test(pattern))).toEqual([]);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['native/**', '**/*.node']));
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).not.toBe(false);
  });

  it('builds AppImage and deb, NSIS and dmg, each with its own Electron native build', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(patterns(config.linux?.files)).toEqual(['native/electron-*-linux-${arch}/**']);
    expect(patterns(config.win?.files)).toEqual(['native/electron-*-win32-${arch}/**']);
    expect(patterns(config.mac?.files)).toEqual(['native/electron-*-darwin-${arch}/**']);
  });
});
