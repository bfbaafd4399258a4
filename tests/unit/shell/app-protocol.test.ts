import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, recordingIdOf, resolveAppFile } from '../../../electron/shell/app-protocol';

const root = path.resolve('/opt/confide/dist/renderer');

describe('app:// protocol mapping', () => {
  it('serves the entry page', () => {
    expect(APP_ENTRY_URL).toBe('app://confide/index.html');
    expect(resolveAppFile(APP_ENTRY_URL, root)).toEqual({
      filePath: path.join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
  });

  it('serves index.html for the bare origin', () => {
    expect(resolveAppFile('app://confide/', root)?.filePath).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile('app://confide', root)?.filePath).toBe(path.join(root, 'index.html'));
  });

  it('maps assets with their content types and ignores query and fragment', () => {
    expect(resolveAppFile('app://confide/assets/index-4f2a.js?v=1#x', root)).toEqual({
      filePath: path.join(root, 'assets', 'index-4f2a.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppFile('app://confide/assets/app.css', root)?.contentType).toBe('text/css; charset=utf-8');
    expect(resolveAppFile('app://confide/assets/inter.woff2', root)?.contentType).toBe('font/woff2');
    expect(resolveAppFile('app://confide/assets/logo.svg', root)?.contentType).toBe('image/svg+xml');
  });

  it('decodes ordinary escapes in file names', () => {
    expect(resolveAppFile('app://confide/assets/my%20file.png', root)?.filePath).toBe(
      path.join(root, 'assets', 'my file.png'),
    );
  });

  it.each([
    'app://confide/../../../etc/passwd',
    'app://confide/assets/../../secret.js',
    'app://confide/%2e%2e/%2e%2e/etc/passwd',
    'app://confide/%2E%2E/package.json',
    'app://confide/.%2e/package.json',
    'app://confide/assets%2f..%2f..%2fpackage.json',
    'app://confide/..%2fpackage.json',
    'app://confide/..%5cpackage.json',
    'app://confide/assets%5c..%5c..%5cpackage.json',
    'app://confide/%252e%252e/package.json',
    'app://confide/C:%5cWindows%5cwin.ini',
    'app://confide/index.html%00.png',
    'app://confide/%E0%A4%A',
    'app://confide//etc/passwd.js',
  ])('never leaves the renderer root: %s', (url) => {
    const file = resolveAppFile(url, root);
    expect(file === null || file.filePath.startsWith(root + path.sep)).toBe(true);
  });

  it.each([
    'app://confide/%2e%2e/%2e%2e/etc/passwd',
    'app://confide/..%2fpackage.json',
    'app://confide/..%5cpackage.json',
    'app://confide/C:%5cWindows%5cwin.ini',
    'app://confide/index.html%00.png',
    'app://confide/%E0%A4%A',
    'app://confide//etc/passwd.js',
  ])('refuses outright: %s', (url) => {
    expect(resolveAppFile(url, root)).toBeNull();
  });

  it.each([
    'app://evil/index.html',
    'app://confide.evil/index.html',
    'app://user@confide/index.html',
    'app://confide:1234/index.html',
    'https://confide/index.html',
    'file:///opt/confide/dist/renderer/index.html',
    'not a url',
  ])('rejects other origins: %s', (url) => {
    expect(resolveAppFile(url, root)).toBeNull();
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses file types a renderer build does not emit', () => {
    expect(resolveAppFile('app://confide/vault.db', root)).toBeNull();
    expect(resolveAppFile('app://confide/native.node', root)).toBeNull();
    expect(resolveAppFile('app://confide/README', root)).toBeNull();
  });
});

describe('recording URLs', () => {
  const id = '3f2b8c1e-9d4a-4c2e-8f1a-2b3c4d5e6f70';
  it('names the recording asked for on our own origin only', () => {
    expect(recordingIdOf(`app://confide/recordings/${id}`)).toBe(id);
    expect(recordingIdOf(`app://confide/recordings/${id}?t=1`)).toBe(id);
    expect(recordingIdOf(`app://other/recordings/${id}`)).toBeNull();
    expect(recordingIdOf(`https://confide/recordings/${id}`)).toBeNull();
    expect(recordingIdOf(`app://confide/recordings/${id}/more`)).toBeNull();
    expect(recordingIdOf('app://confide/recordings/..%2fvault.keys')).toBeNull();
    expect(recordingIdOf('app://confide/index.html')).toBeNull();
  });
});
