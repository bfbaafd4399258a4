import { EventEmitter } from 'node:events';

// Just enough of Electron's main-process API for electron/main.ts to run under Node, so the wiring
// (protocol, IPC, locking, hardening) is tested without an Electron binary. Real Electron behaviour
// is checked by tests/electron/launch.spec.ts where a binary exists.

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

type WindowOpenHandler = (details: { url: string }) => { action: string };

export class FakeWebContents extends EventEmitter {
  readonly sent: string[] = [];
  reloads = 0;
  windowOpenHandler: WindowOpenHandler | null = null;

  /** Records the channel and tells listeners of 'sent', so a test can play the renderer's part. */
  send(channel: string, ...args: unknown[]): void {
    this.sent.push(channel);
    this.emit('sent', channel, ...args);
  }
  reload(): void {
    this.reloads += 1;
  }
  isDestroyed(): boolean {
    return false;
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

export interface IpcEvent {
  sender: FakeWebContents;
  senderFrame: { url: string; parent: null | object } | null;
}

type IpcHandler = (event: IpcEvent, ...args: unknown[]) => Promise<unknown>;
type ProtocolHandler = (request: Request) => Promise<Response>;
type BeforeRequest = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;

export function createFakeElectron(options: { userData: string; isPackaged: boolean }) {
  const appEvents = new EventEmitter();
  const paths = new Map<string, string>([['userData', options.userData]]);
  const state = {
    systemIdleSeconds: 0,
    exitCode: null as number | null,
    quits: 0,
    /** What the next open dialog answers (null: the person cancels), and the titles of those shown. */
    dialogAnswer: null as string | null,
    dialogs: [] as string[],
    errorBoxes: [] as string[],
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, ProtocolHandler>(),
    ipcHandlers: new Map<string, IpcHandler>(),
    windows: [] as FakeBrowserWindow[],
    beforeRequest: null as BeforeRequest | null,
    permissionRequest: null as PermissionRequest | null,
    permissionCheck: null as (() => boolean) | null,
    devicePermission: null as (() => boolean) | null,
    menu: null as unknown,
  };

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    contentProtection = false;
    loadedUrl: string | null = null;

    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      super();
      state.windows.push(this);
      appEvents.emit('web-contents-created', fakeEvent(), this.webContents);
    }
    setContentProtection(value: boolean): void {
      this.contentProtection = value;
    }
    async loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
    }
    isDestroyed(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    focus(): void {}
    show(): void {}
  }

  const powerMonitor = Object.assign(new EventEmitter(), {
    getSystemIdleTime: () => state.systemIdleSeconds,
  });

  const electron = {
    app: {
      isPackaged: options.isPackaged,
      commandLine: { getSwitchValue: (_name: string) => '' },
      setPath: (name: string, value: string) => paths.set(name, value),
      getPath: (name: string) => paths.get(name) ?? '',
      enableSandbox: () => {},
      requestSingleInstanceLock: () => true,
      quit: () => {
        state.quits += 1;
      },
      exit: (code: number) => {
        state.exitCode = code;
      },
      on: (event: string, listener: (...args: unknown[]) => void) => appEvents.on(event, listener),
      whenReady: () => Promise.resolve(),
    },
    BrowserWindow: FakeBrowserWindow,
    dialog: {
      showErrorBox: (_title: string, message: string) => state.errorBoxes.push(message),
      showOpenDialog: async (_window: unknown, options: { title: string }) => {
        state.dialogs.push(options.title);
        return state.dialogAnswer === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [state.dialogAnswer] };
      },
    },
    ipcMain: { handle: (channel: string, handler: IpcHandler) => state.ipcHandlers.set(channel, handler) },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        state.menu = menu;
      },
    },
    powerMonitor,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: ProtocolHandler) => state.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: PermissionRequest) => {
          state.permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler: () => boolean) => {
          state.permissionCheck = handler;
        },
        setDevicePermissionHandler: (handler: () => boolean) => {
          state.devicePermission = handler;
        },
        webRequest: {
          onBeforeRequest: (handler: BeforeRequest) => {
            state.beforeRequest = handler;
          },
        },
      },
    },
  };

  return { electron, state, appEvents, powerMonitor };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
