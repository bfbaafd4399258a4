import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  IPC_CALL_CHANNEL,
  IPC_CHOOSE_FILE_CHANNEL,
  IPC_CHOOSE_FOLDER_CHANNEL,
  IPC_FLUSHED_CHANNEL,
  IPC_LOCK_REQUESTED_CHANNEL,
  IPC_LOCKED_CHANNEL,
  IPC_PROGRESS_CHANNEL,
} from '../../../shared/bridge';
import { LOCK_FLUSH_BOUND_MS } from '../../../electron/shell/flush-then-lock';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shell/csp';
import { createFakeElectron, fakeEvent, FakeWebContents, type FakeElectron, type IpcEvent } from './fake-electron';
import { writeSineWav } from '../../support/wav';

// Runs the real electron/main.ts, with the real core on a temporary vault, against a fake Electron.

const repo = path.resolve(import.meta.dirname, '../../..');
const holder = vi.hoisted(() => ({
  appRoot: '',
  nativeExists: true,
}));

vi.mock('../../../electron/shell/native-binding', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../electron/shell/native-binding')>();
  return {
    ...original,
    appRootFromMainDir: () => holder.appRoot,
    // Under Node the core must load Node's own build of better-sqlite3.
    locateNativeBinding: () => ({
      path: path.join(repo, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node'),
      exists: holder.nativeExists,
    }),
  };
});

const temporary: string[] = [];

async function boot(options: { isPackaged?: boolean; nativeExists?: boolean; rendererAnswers?: boolean } = {}) {
  vi.resetModules();
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
  const userData = mkdtempSync(path.join(os.tmpdir(), 'confide-main-'));
  const appRoot = mkdtempSync(path.join(os.tmpdir(), 'confide-app-'));
  temporary.push(userData, appRoot);
  mkdirSync(path.join(appRoot, 'dist', 'renderer', 'assets'), { recursive: true });
  writeFileSync(path.join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Confide</title>');
  writeFileSync(path.join(appRoot, 'dist', 'renderer', 'assets', 'app.js'), 'export {};');
  writeFileSync(path.join(appRoot, 'package.json'), '{"secret":true}');
  holder.appRoot = appRoot;
  holder.nativeExists = options.nativeExists ?? true;
  const fake = createFakeElectron({ userData, isPackaged: options.isPackaged ?? true });
  // A fresh fake for each boot: doMock applies to the next import after resetModules.
  vi.doMock('electron', () => fake.electron);
  await import('../../../electron/main');
  await new Promise((resolve) => setImmediate(resolve));
  if (options.rendererAnswers ?? true) answerFlushRequests(fake);
  return fake;
}

/** Plays the renderer's part of "save your draft before the lock": it records the request, then answers. */
function answerFlushRequests(fake: FakeElectron): void {
  const contents = fake.state.windows[0]?.webContents;
  contents?.on('sent', (channel: string, requestId: unknown) => {
    if (channel !== IPC_LOCK_REQUESTED_CHANNEL) return;
    const answer = fake.state.ipcHandlers.get(IPC_FLUSHED_CHANNEL);
    void answer?.(appEvent(contents), requestId);
  });
}

afterEach(() => {
  vi.useRealTimers();
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function windowOf(fake: FakeElectron) {
  const window = fake.state.windows[0];
  if (window === undefined) throw new Error('no window was opened');
  return window;
}

function appEvent(contents: FakeWebContents): IpcEvent {
  return { sender: contents, senderFrame: { url: 'app://confide/index.html', parent: null } };
}

async function call(fake: FakeElectron, method: unknown, input: unknown, event?: IpcEvent): Promise<unknown> {
  const handler = fake.state.ipcHandlers.get(IPC_CALL_CHANNEL);
  if (handler === undefined) throw new Error('no IPC handler');
  return handler(event ?? appEvent(windowOf(fake).webContents), method, input);
}

async function state(fake: FakeElectron): Promise<unknown> {
  const result = (await call(fake, 'vault.status', {})) as { ok: boolean; value?: { state: string } };
  return result.value?.state;
}

async function createVault(fake: FakeElectron): Promise<void> {
  const result = await call(fake, 'vault.create', {
    practiceName: 'Harbour Counselling',
    userName: 'Sam Lee',
    passphrase: 'correct horse battery staple',
  });
  expect(result).toMatchObject({ ok: true });
}

describe('electron/main.ts wiring', () => {
  it('registers app:// as a standard, secure scheme and opens one protected window on it', async () => {
    const fake = await boot();
    expect(fake.state.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, stream: true } }]);
    expect(fake.state.windows).toHaveLength(1);
    const window = windowOf(fake);
    expect(window.loadedUrl).toBe('app://confide/index.html');
    expect(window.contentProtection).toBe(true);
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String(window.options.webPreferences?.['preload'])).toMatch(/preload\.cjs$/);
  });

  it('serves the renderer with the CSP and nothing outside it', async () => {
    const fake = await boot();
    const serve = fake.state.protocolHandlers.get('app');
    if (serve === undefined) throw new Error('app:// is not served');

    const page = await serve(new Request('app://confide/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Confide</title>');

    expect((await serve(new Request('app://confide/assets/app.js'))).headers.get('content-type')).toMatch(/javascript/);
    expect((await serve(new Request('app://confide/%2e%2e/%2e%2e/package.json'))).status).toBe(404);
    expect((await serve(new Request('app://confide/missing.js'))).status).toBe(404);
    expect((await serve(new Request('app://other/index.html'))).status).toBe(404);
    expect((await serve(new Request('app://confide/index.html', { method: 'POST', body: 'x' }))).status).toBe(404);
  });

  it('streams a recording from the core by byte range, with the CSP, and refuses one it may not play', async () => {
    const fake = await boot();
    await createVault(fake);
    const value = async (method: string, input: unknown) => ((await call(fake, method, input)) as { ok: true; value: { id: string } }).value;
    const client = await value('clients.create', { name: 'Robin Shaw' });
    const kase = await value('cases.create', { kind: 'individual', participantIds: [client.id], openedOn: '2024-01-01' });
    const session = await value('sessions.create', {
      caseId: kase.id, startsAt: '2024-01-08T09:00', durationMinutes: 50, modality: 'video', status: 'attended', attendeeIds: [client.id],
    });
    await value('recordingConsents.create', {
      clientId: client.id, caseId: kase.id, uses: ['supervision'], viewers: 'Sam Lee', storage: 'This vault',
      destructionMethod: 'Key destroyed', signedOn: '2024-01-02', destroyBy: '2099-01-01',
    });
    const wav = writeSineWav(holder.appRoot, 1);
    const recording = await value('recordings.attach', { sessionId: session.id, uses: ['supervision'], path: wav.path });
    const serve = fake.state.protocolHandlers.get('app')!;

    const part = await serve(new Request(`app://confide/recordings/${recording.id}`, { headers: { Range: 'bytes=100-199' } }));
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${wav.bytes.length}`);
    expect(part.headers.get('accept-ranges')).toBe('bytes');
    expect(part.headers.get('content-type')).toBe('audio/wav');
    expect(part.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(Buffer.from(await part.arrayBuffer()).equals(wav.bytes.subarray(100, 200))).toBe(true);
    const whole = await serve(new Request(`app://confide/recordings/${recording.id}`));
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(wav.bytes)).toBe(true);
    expect((await serve(new Request(`app://confide/recordings/${crypto.randomUUID()}`))).status).toBe(404);
    await call(fake, 'vault.lock', {});
    const locked = await serve(new Request(`app://confide/recordings/${recording.id}`));
    expect(locked.status).toBe(403);
    expect(await locked.text()).toBe('The vault is locked. Unlock it to continue.');
  });

  it('denies permissions, new windows, webviews and navigation away from the app', async () => {
    const fake = await boot();
    const granted: boolean[] = [];
    fake.state.permissionRequest?.(null, 'media', (value) => granted.push(value));
    fake.state.permissionRequest?.(null, 'notifications', (value) => granted.push(value));
    expect(granted).toEqual([false, false]);
    expect(fake.state.permissionCheck?.()).toBe(false);
    expect(fake.state.devicePermission?.()).toBe(false);

    const contents = windowOf(fake).webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });

    const away = fakeEvent();
    contents.emit('will-navigate', away, 'https://example.com/');
    const redirect = fakeEvent();
    contents.emit('will-redirect', redirect, 'http://example.invalid/');
    const home = fakeEvent();
    contents.emit('will-navigate', home, 'app://confide/index.html');
    const webview = fakeEvent();
    contents.emit('will-attach-webview', webview);
    expect([away.defaultPrevented, redirect.defaultPrevented, home.defaultPrevented, webview.defaultPrevented]).toEqual([
      true,
      true,
      false,
      true,
    ]);
  });

  it("cancels every request but the app's own files; devtools only in developer runs", async () => {
    const decide = (fake: FakeElectron, url: string): boolean | undefined => {
      let cancel: boolean | undefined;
      fake.state.beforeRequest?.({ url }, (response) => {
        cancel = response.cancel;
      });
      return cancel;
    };
    const packaged = await boot({ isPackaged: true });
    expect(decide(packaged, 'app://confide/index.html')).toBe(false);
    expect(decide(packaged, 'https://example.com/?q=1')).toBe(true);
    expect(decide(packaged, 'devtools://devtools/bundled/devtools_app.html')).toBe(true);
    expect(windowOf(packaged).options.webPreferences?.['devTools']).toBe(false);

    const developer = await boot({ isPackaged: false });
    expect(decide(developer, 'devtools://devtools/bundled/devtools_app.html')).toBe(false);
    expect(windowOf(developer).options.webPreferences?.['devTools']).toBe(true);
  });

  it("answers IPC only from the app's own top frame", async () => {
    const fake = await boot();
    const contents = windowOf(fake).webContents;
    const forbidden = { ok: false, error: { code: 'forbidden' } };
    const stranger = new FakeWebContents();
    expect(await call(fake, 'vault.status', {}, { sender: contents, senderFrame: { url: 'https://evil.example/', parent: null } })).toMatchObject(forbidden);
    expect(await call(fake, 'vault.status', {}, { sender: contents, senderFrame: { url: 'app://confide/index.html', parent: {} } })).toMatchObject(forbidden);
    expect(await call(fake, 'vault.status', {}, { sender: contents, senderFrame: null })).toMatchObject(forbidden);
    expect(await call(fake, 'vault.status', {}, { sender: stranger, senderFrame: { url: 'app://confide/index.html', parent: null } })).toMatchObject(forbidden);
    expect(await call(fake, 42, {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call(fake, 'vault.status', {})).toMatchObject({ ok: true, value: { state: 'uninitialised' } });
  });

  it('locks after the idle limit from settings, tells the renderer and reloads it', async () => {
    const fake = await boot();
    await createVault(fake);
    expect(await state(fake)).toBe('unlocked');
    const contents = windowOf(fake).webContents;

    fake.state.systemIdleSeconds = 299;
    await vi.advanceTimersByTimeAsync(299_000);
    expect(await state(fake)).toBe('unlocked');

    fake.state.systemIdleSeconds = 300;
    await vi.advanceTimersByTimeAsync(15_000);
    expect(await state(fake)).toBe('locked');
    // Lock requested (the renderer saves its draft and answers), then locked.
    expect(contents.sent).toEqual([IPC_LOCK_REQUESTED_CHANNEL, IPC_LOCKED_CHANNEL]);
    expect(contents.reloads).toBe(1);

    // Locked: staying away longer does nothing more.
    await vi.advanceTimersByTimeAsync(600_000);
    expect(contents.reloads).toBe(1);
  });

  it('uses a new auto-lock time as soon as it is saved', async () => {
    const fake = await boot();
    await createVault(fake);
    expect(await call(fake, 'settings.update', { autoLockMinutes: 1 })).toMatchObject({ ok: true });
    fake.state.systemIdleSeconds = 60;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await state(fake)).toBe('locked');
  });

  it("counts typing in Confide as presence even when the OS reports idle", async () => {
    const fake = await boot();
    await createVault(fake);
    const contents = windowOf(fake).webContents;
    fake.state.systemIdleSeconds = 100_000;
    for (let minute = 0; minute < 10; minute += 1) {
      contents.emit('before-input-event', fakeEvent(), { type: 'keyDown' });
      await vi.advanceTimersByTimeAsync(60_000);
    }
    expect(await state(fake)).toBe('unlocked');
  });

  it('locks on suspend and on screen lock', async () => {
    for (const event of ['suspend', 'lock-screen']) {
      const fake = await boot();
      await createVault(fake);
      fake.powerMonitor.emit(event);
      await vi.advanceTimersByTimeAsync(0);
      expect(await state(fake)).toBe('locked');
      expect(windowOf(fake).webContents.sent).toEqual([IPC_LOCK_REQUESTED_CHANNEL, IPC_LOCKED_CHANNEL]);
      expect(windowOf(fake).webContents.reloads).toBe(1);
    }
  });

  it('locks on quit without reloading the closing window, after the renderer has saved its draft', async () => {
    const fake = await boot();
    await createVault(fake);
    const quit = fakeEvent();
    fake.appEvents.emit('before-quit', quit);
    // The first quit is held back until the draft is saved and the vault locked.
    expect(quit.defaultPrevented).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(await state(fake)).toBe('locked');
    expect(windowOf(fake).webContents.sent).toEqual([IPC_LOCK_REQUESTED_CHANNEL]);
    expect(windowOf(fake).webContents.reloads).toBe(0);
    expect(fake.state.quits).toBe(1);
  });

  it('a renderer that never answers cannot keep the vault open: the lock goes ahead after the bound', async () => {
    const fake = await boot({ rendererAnswers: false });
    await createVault(fake);
    fake.powerMonitor.emit('suspend');
    await vi.advanceTimersByTimeAsync(LOCK_FLUSH_BOUND_MS - 1);
    expect(await state(fake)).toBe('unlocked');
    await vi.advanceTimersByTimeAsync(1);
    expect(await state(fake)).toBe('locked');
  });

  it('ignores a flush answer from anywhere but the app’s own frame, or for no request', async () => {
    const fake = await boot({ rendererAnswers: false });
    await createVault(fake);
    const contents = windowOf(fake).webContents;
    const requests: unknown[] = [];
    contents.on('sent', (channel: string, id: unknown) => channel === IPC_LOCK_REQUESTED_CHANNEL && requests.push(id));
    fake.powerMonitor.emit('lock-screen');
    const answer = fake.state.ipcHandlers.get(IPC_FLUSHED_CHANNEL);
    await answer?.({ sender: contents, senderFrame: { url: 'https://evil.example/', parent: null } }, requests[0]);
    await answer?.(appEvent(contents), 'not-a-request');
    await vi.advanceTimersByTimeAsync(0);
    expect(await state(fake)).toBe('unlocked');
    await answer?.(appEvent(contents), requests[0]);
    await vi.advanceTimersByTimeAsync(0);
    expect(await state(fake)).toBe('locked');
  });

  it('a lock asked for by the renderer also clears the renderer', async () => {
    const fake = await boot();
    await createVault(fake);
    expect(await call(fake, 'vault.lock', {})).toMatchObject({ ok: true });
    expect(windowOf(fake).webContents.reloads).toBe(1);
  });

  it('sends a long call’s progress to the frame that asked, tagged with its call id, and none without one', async () => {
    const fake = await boot();
    await createVault(fake);
    const contents = windowOf(fake).webContents;
    const sent: unknown[][] = [];
    contents.on('sent', (...args: unknown[]) => sent.push(args));
    const handler = fake.state.ipcHandlers.get(IPC_CALL_CHANNEL)!;
    const callId = '0f0e0d0c-0b0a-4908-8706-050403020100';
    expect(await handler(appEvent(contents), 'vault.verify', {}, callId)).toMatchObject({ ok: true });
    const progress = sent.filter(([channel]) => channel === IPC_PROGRESS_CHANNEL);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every(([, id, p]) => id === callId && (p as { phase: string }).phase === 'Checking every page of the vault')).toBe(true);
    sent.length = 0;
    await handler(appEvent(contents), 'vault.verify', {}, 'not-an-id');
    await handler(appEvent(contents), 'vault.verify', {});
    expect(sent.filter(([channel]) => channel === IPC_PROGRESS_CHANNEL)).toEqual([]);
  });

  it('shows the system file and folder dialogs for the app frame only, and answers only the path chosen', async () => {
    const fake = await boot();
    const chooseFile = fake.state.ipcHandlers.get(IPC_CHOOSE_FILE_CHANNEL)!;
    const chooseFolder = fake.state.ipcHandlers.get(IPC_CHOOSE_FOLDER_CHANNEL)!;
    const contents = windowOf(fake).webContents;
    fake.state.dialogAnswer = '/home/sam/Recordings/session.mp4';
    expect(await chooseFile(appEvent(contents), 'recording')).toBe('/home/sam/Recordings/session.mp4');
    expect(await chooseFolder(appEvent(contents), 'export')).toBe('/home/sam/Recordings/session.mp4');
    expect(fake.state.dialogs).toEqual(['Choose the recording', 'Choose where to save the files']);
    expect(await chooseFile(appEvent(contents), '/etc/passwd')).toBeNull();
    expect(await chooseFile({ sender: contents, senderFrame: { url: 'https://evil.example/', parent: null } }, 'scan')).toBeNull();
    fake.state.dialogAnswer = null;
    expect(await chooseFile(appEvent(contents), 'scan')).toBeNull();
    expect(fake.state.dialogs).toHaveLength(3);
  });

  it('stops with a clear message when the Electron build of the database module is missing', async () => {
    const fake = await boot({ nativeExists: false });
    expect(fake.state.windows).toHaveLength(0);
    expect(fake.state.exitCode).toBe(1);
    expect(fake.state.errorBoxes.join('\n')).toContain('scripts/electron-native.mjs');
  });
});
