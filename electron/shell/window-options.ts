import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export interface WindowOptionsInput {
  preloadPath: string;
  /** Devtools only in unpackaged (developer) runs. */
  devTools: boolean;
  iconPath?: string;
}

/** The renderer gets no Node, no Electron, and nothing beyond what the preload exposes. */
export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    plugins: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Chromium's spellchecker downloads dictionaries from Google on Windows and Linux; Confide makes no
    // network requests, so it stays off until dictionaries ship with the app.
    spellcheck: false,
    devTools,
  };
}

export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    title: 'Confide',
    // Shown on 'ready-to-show' so there is no flash of an empty window.
    show: false,
    backgroundColor: '#ffffff',
    ...(input.iconPath === undefined ? {} : { icon: input.iconPath }),
    webPreferences: secureWebPreferences(input.preloadPath, input.devTools),
  };
}
