import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  session,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import {
  IPC_CALL_CHANNEL,
  IPC_CHOOSE_FILE_CHANNEL,
  IPC_CHOOSE_FOLDER_CHANNEL,
  IPC_FLUSHED_CHANNEL,
  IPC_LOCK_REQUESTED_CHANNEL,
  IPC_LOCKED_CHANNEL,
  IPC_PROGRESS_CHANNEL,
} from '../shared/bridge';
import { contract } from '../shared/contract';
import type { CallResult } from '../shared/errors';
import type { Progress } from '../shared/progress';
import { AUTO_LOCK_MINUTES_DEFAULT } from '../shared/schemas';
import { createCore } from './core/core';
import type { Core, LockReason } from './core/types';
import { APP_ENTRY_URL, APP_SCHEME, isAppUrl, recordingIdOf, resolveAppFile } from './shell/app-protocol';
import { appResponseHeaders } from './shell/csp';
import { chosenPath, isFilePurpose, isFolderPurpose, openFileDialogOptions, openFolderDialogOptions } from './shell/file-dialogs';
import { createFlushRequests, flushThenLock, LOCK_FLUSH_BOUND_MS } from './shell/flush-then-lock';
import { createIdleLock, idleSecondsFrom, type IdleLock } from './shell/idle-lock';
import { mediaResponse } from './shell/media-response';
import { appMenuTemplate } from './shell/menu';
import { appRootFromMainDir, locateNativeBinding } from './shell/native-binding';
import { decideRequest } from './shell/request-filter';
import { windowOptions } from './shell/window-options';

// The composition root: wires Electron to the core and the pure shell parts. Every decision it
// applies lives in electron/shell/ with its own tests.

const IDLE_CHECK_INTERVAL_MS = 15_000;
const appRoot = appRootFromMainDir(__dirname);
const rendererRoot = path.join(appRoot, 'dist', 'renderer');

// Honoured explicitly so tests (and a second profile) get their own vault and their own instance lock.
const userDataSwitch = app.commandLine.getSwitchValue('user-data-dir');
if (userDataSwitch !== '') app.setPath('userData', path.resolve(userDataSwitch));

app.enableSandbox();
// `stream`: media elements may read recordings from app:// in ranges as they play and seek.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, stream: true } }]);

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(`Confide could not start: ${String(error)}`));
}

function start(): void {
  const native = locateNativeBinding(
    appRoot,
    { electronVersion: process.versions.electron, platform: process.platform, arch: process.arch },
    existsSync,
  );
  if (!native.exists) {
    fail(`The database module built for this version of Electron is missing:\n${native.path}\n\nRun "node scripts/electron-native.mjs" and start Confide again.`);
    return;
  }

  const core = createCore({
    vaultDir: path.join(app.getPath('userData'), 'vault'),
    nativeBinding: native.path,
    resourcesDir: path.join(appRoot, 'resources'),
  });
  const flushes = createFlushRequests((requestId) => {
    const window = mainWindow;
    if (window === null || window.isDestroyed()) return false;
    window.webContents.send(IPC_LOCK_REQUESTED_CHANNEL, requestId);
    return true;
  }, randomUUID);
  ipcMain.handle(IPC_FLUSHED_CHANNEL, (event: IpcMainInvokeEvent, requestId: unknown) => {
    if (isFromAppFrame(event)) flushes.answered(requestId);
  });
  const requestLock = flushThenLock({
    flush: () => flushes.request(),
    lock: (reason) => core.lock(reason),
    isUnlocked: () => core.isUnlocked(),
    boundMs: LOCK_FLUSH_BOUND_MS,
  });
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting || !core.isUnlocked()) {
      core.lock('shutdown');
      return;
    }
    // Quit waits for the draft to be saved and the vault locked, then quits for real.
    event.preventDefault();
    quitting = true;
    void requestLock('shutdown').finally(() => app.quit());
  });

  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform, app.isPackaged)));
  hardenSession();
  serveRenderer(core);

  let lastAppInputMs = Date.now();
  const idleLock = createIdleLock({
    idleSeconds: () => idleSecondsFrom(powerMonitor.getSystemIdleTime(), lastAppInputMs, Date.now()),
    onLock: () => void requestLock('idle'),
  });
  setInterval(() => idleLock.tick(), IDLE_CHECK_INTERVAL_MS);
  powerMonitor.on('suspend', () => void requestLock('suspend'));
  powerMonitor.on('lock-screen', () => void requestLock('screen-lock'));

  core.onLocked((reason) => onVaultLocked(reason, idleLock));
  handleCalls(core, idleLock);
  handleFileDialogs();

  const window = createWindow();
  window.webContents.on('before-input-event', () => {
    lastAppInputMs = Date.now();
  });
}

function createWindow(): BrowserWindow {
  const iconPath = path.join(appRoot, 'resources', 'icon.png');
  const window = new BrowserWindow(
    windowOptions({
      preloadPath: path.join(__dirname, 'preload.cjs'),
      devTools: !app.isPackaged,
      ...(existsSync(iconPath) ? { iconPath } : {}),
    }),
  );
  // Keeps client records out of screenshots, screen recordings and screen sharing.
  window.setContentProtection(true);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  mainWindow = window;
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** Applied to every WebContents, including devtools, so nothing can navigate away or open windows. */
function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: decideRequest(details.url, { isPackaged: app.isPackaged }) === 'cancel' });
  });
}

function serveRenderer(core: Core): void {
  protocol.handle(APP_SCHEME, async (request) => {
    // A recording's bytes, by byte range, from the core (the same function the e2e harness serves).
    const recordingId = request.method === 'GET' ? recordingIdOf(request.url) : null;
    if (recordingId !== null) return mediaResponse(await core.readRecording(recordingId, request.headers.get('range')));
    const file = request.method === 'GET' ? resolveAppFile(request.url, rendererRoot) : null;
    if (file === null) return notFound();
    try {
      const body = await readFile(file.filePath);
      return new Response(body, { status: 200, headers: appResponseHeaders(file.contentType) });
    } catch {
      return notFound();
    }
  });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

function handleCalls(core: Core, idleLock: IdleLock): void {
  ipcMain.handle(
    IPC_CALL_CHANNEL,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown, callId: unknown): Promise<CallResult<unknown>> => {
      if (!isFromAppFrame(event)) {
        return { ok: false, error: { code: 'forbidden', message: 'This request did not come from Confide.' } };
      }
      if (typeof method !== 'string') {
        return { ok: false, error: { code: 'invalid-input', message: 'That action is not part of Confide.' } };
      }
      // Progress goes back to the frame that asked, tagged with the call's id (a UUID the preload made).
      const sender = event.sender;
      const onProgress = isCallId(callId)
        ? (progress: Progress) => {
            if (!sender.isDestroyed()) sender.send(IPC_PROGRESS_CHANNEL, callId, progress);
          }
        : undefined;
      const result = await core.call(method, input, onProgress ? { onProgress } : {});
      if (core.isUnlocked() !== idleLock.armed || (method === 'settings.update' && result.ok)) {
        await syncIdleLock(core, idleLock);
      }
      return result;
    },
  );
}

const isCallId = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);

/** The system's own dialogs, for the app's own frame only; the page learns only the path chosen. */
function handleFileDialogs(): void {
  ipcMain.handle(IPC_CHOOSE_FILE_CHANNEL, async (event: IpcMainInvokeEvent, purpose: unknown) => {
    const window = mainWindow;
    if (!isFromAppFrame(event) || !isFilePurpose(purpose) || window === null) return null;
    return chosenPath(await dialog.showOpenDialog(window, openFileDialogOptions(purpose)));
  });
  ipcMain.handle(IPC_CHOOSE_FOLDER_CHANNEL, async (event: IpcMainInvokeEvent, purpose: unknown) => {
    const window = mainWindow;
    if (!isFromAppFrame(event) || !isFolderPurpose(purpose) || window === null) return null;
    return chosenPath(await dialog.showOpenDialog(window, openFolderDialogOptions(purpose)));
  });
}

function isFromAppFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && event.sender === mainWindow?.webContents && isAppUrl(frame.url);
}

/** Arms the idle lock with the unlocked vault's own setting, or disarms it when the vault is locked. */
async function syncIdleLock(core: Core, idleLock: IdleLock): Promise<void> {
  if (!core.isUnlocked()) {
    idleLock.disarm();
    return;
  }
  const result = await core.call('settings.get', {});
  const settings = result.ok ? contract['settings.get'].output.safeParse(result.value) : null;
  idleLock.arm(settings?.success === true ? settings.data.autoLockMinutes : AUTO_LOCK_MINUTES_DEFAULT);
}

function onVaultLocked(reason: LockReason, idleLock: IdleLock): void {
  idleLock.disarm();
  const window = mainWindow;
  if (window === null || window.isDestroyed() || reason === 'shutdown') return;
  window.webContents.send(IPC_LOCKED_CHANNEL);
  // A fresh page holds no client data: stores, React state and caches of the unlocked session are gone.
  window.webContents.reload();
}

function fail(message: string): void {
  dialog.showErrorBox('Confide cannot start', message);
  app.exit(1);
}
