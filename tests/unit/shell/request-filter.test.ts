import { describe, expect, it } from 'vitest';
import { decideRequest } from '../../../electron/shell/request-filter';

const packaged = { isPackaged: true };
const developer = { isPackaged: false };

describe('request filter', () => {
  it.each([
    'app://confide/index.html',
    'app://confide/assets/index-4f2a.js',
    'app://confide/assets/index-4f2a.css',
    'app://confide/',
  ])('allows the app file %s', (url) => {
    expect(decideRequest(url, packaged)).toBe('allow');
    expect(decideRequest(url, developer)).toBe('allow');
  });

  it.each([
    'http://example.invalid/',
    'https://example.com/collect?note=Client%20disclosed',
    'https://confide/index.html',
    'http://127.0.0.1:9222/json',
    'ws://localhost:8080/',
    'wss://example.com/socket',
    'file:///etc/passwd',
    'file:///C:/Users/counsellor/vault/vault.db',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://confide/0b8f4f2e',
    'ftp://example.com/',
    'chrome://settings',
    'chrome-extension://abcdefghijklmnop/background.js',
    'app://evil.example/index.html',
    'app://confide.evil.example/index.html',
    'app://user:pass@confide/index.html',
    'app://confide:8080/index.html',
    'APP-LIKE://confide/index.html',
    'not a url',
    '',
  ])('cancels %s', (url) => {
    expect(decideRequest(url, packaged)).toBe('cancel');
    expect(decideRequest(url, developer)).toBe('cancel');
  });

  it('allows devtools only in developer runs', () => {
    const url = 'devtools://devtools/bundled/devtools_app.html';
    expect(decideRequest(url, developer)).toBe('allow');
    expect(decideRequest(url, packaged)).toBe('cancel');
  });

  it("cancels the devtools front end's remote fetches even in developer runs", () => {
    expect(decideRequest('https://chrome-devtools-frontend.appspot.com/serve_file/x', developer)).toBe('cancel');
  });
});
