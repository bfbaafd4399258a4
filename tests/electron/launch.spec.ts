import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const repo = path.resolve(import.meta.dirname, '..', '..');

/**
 * Finds the Electron binary the way the electron package does, without requiring it: requiring
 * 'electron' from Node starts a download when the binary is missing.
 */
function findElectron(): { executable: string } | { missing: string } {
  const pathFile = path.join(repo, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      missing:
        'No Electron binary on this machine (node_modules/electron/path.txt is absent: Electron downloads its ' +
        'binary on first use, which needs internet access). Run `npx install-electron` or `npm start` once where ' +
        'there is internet, then run this test again.',
    };
  }
  const executable = path.join(repo, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(executable)) return { missing: `The Electron binary named in node_modules/electron/path.txt is missing: ${executable}` };
  return { executable };
}

const found = findElectron();
const noDisplay = process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY'];

const skipReason =
  'missing' in found
    ? found.missing
    : noDisplay
      ? 'No display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset): run under xvfb-run.'
      : null;
test.skip(skipReason !== null, skipReason ?? '');
// The list reporter does not show skip reasons, so say it where a person will see it.
if (skipReason !== null) console.warn(`Electron launch test skipped: ${skipReason}`);

/** What the checks read off the page's global object (this file is typechecked without the DOM). */
interface PageGlobals {
  confide?: { call(method: string, input: unknown): Promise<unknown>; onLocked(listener: () => void): () => void };
  open(url: string): unknown;
}

test.describe('the packaged shell', () => {
  let app: ElectronApplication;
  let page: Page;
  let userDataDir: string;

  test.beforeAll(async () => {
    if (!('executable' in found)) return;
    ensureBuilt();
    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'confide-electron-'));
    app = await electron.launch({
      executablePath: found.executable,
      // Chromium refuses to start as root with its OS sandbox on (CI containers); the renderer is still
      // sandboxed by its web preferences.
      args: [repo, `--user-data-dir=${userDataDir}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  test('opens on the create-vault screen, served from app://', async () => {
    expect(page.url()).toBe('app://confide/index.html');
    await expect(page.getByRole('heading', { level: 1, name: /set up your confide vault/i })).toBeVisible();
  });

  test('exposes only window.confide: call, the lock events and the system file dialogs', async () => {
    const bridge = await page.evaluate(() => {
      const confide = (globalThis as unknown as PageGlobals).confide;
      return confide === undefined ? null : Object.keys(confide).sort();
    });
    expect(bridge).toEqual(['call', 'chooseFile', 'chooseFolder', 'onLockRequested', 'onLocked']);
  });

  test('reaches the core through the bridge', async () => {
    const status = await page.evaluate(async () => (globalThis as unknown as PageGlobals).confide?.call('vault.status', {}));
    expect(status).toMatchObject({ ok: true, value: { state: 'uninitialised' } });
  });

  test('gives the page no Node', async () => {
    const kinds = await page.evaluate(() => ({ require: typeof require, process: typeof process, module: typeof module }));
    expect(kinds).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined' });
  });

  test('opens no windows', async () => {
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com/') === null)).toBe(true);
  });

  test('blocks network requests from the page and from the session', async () => {
    const fromPage = await page.evaluate(() =>
      fetch('http://example.invalid/').then(
        () => 'loaded',
        () => 'blocked',
      ),
    );
    expect(fromPage).toBe('blocked');

    // A navigation bypasses the page's CSP, so this checks the session's request filter on its own.
    const fromSession = await app.evaluate(async ({ BrowserWindow }) => {
      const probe = new BrowserWindow({ show: false });
      try {
        await probe.loadURL('http://example.invalid/');
        return 'loaded';
      } catch (error) {
        return String(error);
      } finally {
        probe.destroy();
      }
    });
    expect(fromSession).toContain('ERR_BLOCKED_BY_CLIENT');
  });
});

/** The test runs the built app; the Electron-ABI database module is built on demand, as `npm start` does. */
function ensureBuilt(): void {
  for (const file of ['dist/main/main.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(repo, file))) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  }
  const native = spawnSync(process.execPath, [path.join(repo, 'scripts', 'electron-native.mjs')], { encoding: 'utf8' });
  if (native.status !== 0) throw new Error(native.stderr.trim() || 'scripts/electron-native.mjs failed');
}
