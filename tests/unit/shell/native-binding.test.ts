import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appRootFromMainDir,
  locateNativeBinding,
  nativeBindingPath,
  nativeDirName,
  unpackedPath,
} from '../../../electron/shell/native-binding';

const target = { electronVersion: '45.4.1', platform: 'linux', arch: 'x64' };

describe('native binding location', () => {
  it('names one folder per Electron version, platform and architecture', () => {
    expect(nativeDirName(target)).toBe('electron-45.4.1-linux-x64');
    expect(nativeDirName({ electronVersion: '45.4.1', platform: 'win32', arch: 'arm64' })).toBe('electron-45.4.1-win32-arm64');
  });

  it('finds the app root two folders above the main bundle', () => {
    const root = path.resolve('/home/dev/confide');
    expect(appRootFromMainDir(path.join(root, 'dist', 'main'))).toBe(root);
  });

  it('in a checkout, points at native/ in the project', () => {
    const root = path.resolve('/home/dev/confide');
    expect(nativeBindingPath(root, target)).toBe(
      path.join(root, 'native', 'electron-45.4.1-linux-x64', 'better_sqlite3.node'),
    );
  });

  it('when packaged, points into app.asar.unpacked, where asarUnpack puts native code', () => {
    const asar = path.resolve('/opt/Confide/resources/app.asar');
    const root = appRootFromMainDir(path.join(asar, 'dist', 'main'));
    expect(root).toBe(asar);
    expect(nativeBindingPath(root, target)).toBe(
      path.join(path.resolve('/opt/Confide/resources/app.asar.unpacked'), 'native', 'electron-45.4.1-linux-x64', 'better_sqlite3.node'),
    );
  });

  it('leaves paths outside an asar alone', () => {
    const plain = path.resolve('/opt/app.asarx/native/file.node');
    expect(unpackedPath(plain)).toBe(plain);
  });

  it('reports whether the file exists, using the given check', () => {
    const root = path.resolve('/r');
    const seen: string[] = [];
    const found = locateNativeBinding(root, target, (p) => {
      seen.push(p);
      return true;
    });
    expect(found).toEqual({ path: nativeBindingPath(root, target), exists: true });
    expect(seen).toEqual([found.path]);
    expect(locateNativeBinding(root, target, () => false).exists).toBe(false);
  });

  it('agrees with scripts/electron-native.mjs on where the build goes', () => {
    const repo = path.resolve(import.meta.dirname, '../../..');
    const printed = execFileSync(process.execPath, [path.join(repo, 'scripts', 'electron-native.mjs'), '--print-path'], {
      encoding: 'utf8',
    }).trim();
    const electronVersion: unknown = JSON.parse(readFileSync(path.join(repo, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
    expect(typeof electronVersion).toBe('string');
    expect(printed).toBe(
      nativeBindingPath(repo, { electronVersion: String(electronVersion), platform: process.platform, arch: process.arch }),
    );
  });
});
