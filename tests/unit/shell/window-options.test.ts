import { describe, expect, it } from 'vitest';
import { secureWebPreferences, windowOptions } from '../../../electron/shell/window-options';

describe('window options', () => {
  const options = windowOptions({ preloadPath: '/app/dist/main/preload.cjs', devTools: false });
  const prefs = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
  });

  it('keeps web security on and insecure or experimental features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.plugins).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('turns off the spellchecker, which would download dictionaries', () => {
    expect(prefs.spellcheck).toBe(false);
  });

  it('loads the given preload and nothing else', () => {
    expect(prefs.preload).toBe('/app/dist/main/preload.cjs');
    expect(prefs.additionalArguments).toBeUndefined();
    expect(prefs.partition).toBeUndefined();
  });

  it('has devtools only when asked (developer runs)', () => {
    expect(prefs.devTools).toBe(false);
    expect(secureWebPreferences('/p.cjs', true).devTools).toBe(true);
  });

  it('waits for the first paint before showing', () => {
    expect(options.show).toBe(false);
  });

  it('sets an icon only when one is given', () => {
    expect('icon' in options).toBe(false);
    expect(windowOptions({ preloadPath: '/p.cjs', devTools: false, iconPath: '/i.png' }).icon).toBe('/i.png');
  });
});
