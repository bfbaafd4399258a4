/**
 * The built renderer (dist/renderer) in Chromium against a real core in this process, as the e2e harness
 * serves it (tests/e2e/fixtures.ts): files from dist with the app's Content-Security-Policy, `window.confide`
 * bound to the core through a Playwright binding. Adds a paint probe: the time, on the page's clock
 * (performance.now(), 0 = navigation start), at which a selector first matched and the frame that shows it
 * was painted, plus the start and end of every call the page made.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BrowserContext, Page } from '@playwright/test';
import type { Core } from '../../electron/core/types';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/csp';

export const ORIGIN = 'http://confide.test';
export const START_URL = `${ORIGIN}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Every file of the built renderer, read once, so disk reads never land inside a measured page load. */
function loadDist(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(`/${relative(dir, path).split(sep).join('/')}`, readFileSync(path));
    }
  };
  walk(dir);
  if (!files.has('/index.html')) throw new Error(`No built renderer in ${dir}: run npm run build:renderer first.`);
  return files;
}

/** When a watched selector first matched, and when the frame showing it had been painted (page clock, ms). */
export interface Seen {
  domAt: number;
  paintedAt: number;
  count: number;
}

export interface CallTiming {
  method: string;
  start: number;
  end: number;
}

/** What the probe adds to the page's window (the scripts' tsconfig has no DOM types, hence this shape). */
interface ProbeWindow {
  confide: unknown;
  __confideCall(method: string, input: unknown): Promise<string>;
  __benchCalls: CallTiming[];
  __benchAnswers: Record<string, unknown>;
  __benchClickAt: number | null;
  __benchSeen: Promise<Seen> | null;
  __benchWatch(selector: string, text: string | null): void;
  requestAnimationFrame(callback: () => void): number;
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: Record<string, boolean>): void; disconnect(): void };
  document: {
    querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
    addEventListener(type: string, listener: () => void, capture: boolean): void;
  };
}

/**
 * Runs in the page before its scripts: the stand-in for the Electron preload (calls only; no lock events or
 * dialogs are needed here), timing each call and keeping its last answer, and the paint probe.
 */
function installProbe(): void {
  const win = globalThis as unknown as ProbeWindow;
  win.__benchCalls = [];
  win.__benchAnswers = {};
  win.__benchClickAt = null;
  win.__benchSeen = null;
  Object.defineProperty(win, 'confide', {
    value: Object.freeze({
      call: async (method: string, input: unknown) => {
        const start = performance.now();
        try {
          // The answer crosses as one JSON string: Playwright's own serialisation of a 10,000-row object costs
          // seconds and leaves work in the page after the answer, which would be counted as rendering.
          const answer: unknown = JSON.parse(await win.__confideCall(method, input));
          win.__benchAnswers[method] = answer;
          return answer;
        } finally {
          win.__benchCalls.push({ method, start, end: performance.now() });
        }
      },
      onLocked: () => () => undefined,
      onLockRequested: () => () => undefined,
      chooseFile: () => Promise.resolve(null),
      chooseFolder: () => Promise.resolve(null),
    }),
  });
  // Capture phase: the moment the app's own click handler is about to run.
  win.document.addEventListener('click', () => (win.__benchClickAt = performance.now()), true);
  win.__benchWatch = (selector, text) => {
    win.__benchSeen = new Promise((resolve) => {
      const matches = () => Array.from(win.document.querySelectorAll(selector)).filter((node) => text === null || node.textContent === text);
      let observer: { disconnect(): void } | null = null;
      const check = () => {
        const found = matches();
        if (found.length === 0) return;
        observer?.disconnect();
        const domAt = performance.now();
        // The frame that shows the new rows: requestAnimationFrame runs just before it is painted, and a task
        // posted from there runs once the frame has been handed to the compositor.
        win.requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.addEventListener('message', () => resolve({ domAt, paintedAt: performance.now(), count: found.length }));
          channel.port1.start();
          channel.port2.postMessage(0);
        });
      };
      const mutations = new win.MutationObserver(check);
      observer = mutations;
      mutations.observe(win.document, { childList: true, subtree: true, characterData: true });
      check();
    });
  };
}

/** A browser context whose pages load the built renderer and talk to `core`; `coreMs` collects the core's time per call. */
export async function rendererContext(
  context: BrowserContext,
  core: Core,
  distDir: string,
): Promise<{ coreMs: CallTiming[] }> {
  const files = loadDist(distDir);
  const coreMs: CallTiming[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
    const body = files.get(url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname));
    if (body === undefined) return route.fulfill({ status: 404, body: '' });
    const type = CONTENT_TYPES[extname(url.pathname)] ?? 'application/octet-stream';
    return route.fulfill({ status: 200, body, headers: { 'content-type': type, ...(type.startsWith('text/html') ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}) } });
  });
  await context.exposeBinding('__confideCall', async (_source, method: string, input: unknown) => {
    const start = performance.now();
    try {
      return JSON.stringify(await core.call(method, input));
    } finally {
      coreMs.push({ method, start, end: performance.now() });
    }
  });
  // tsx keeps function names by wrapping them in __name(); the page has no such helper, so give it one.
  await context.addInitScript({ content: `globalThis.__name ??= (f) => f; (${installProbe.toString()})();` });
  return { coreMs };
}

/** Starts watching for `selector` (with exactly `text`, if given); pageTimes() then waits for its paint. */
export function watch(page: Page, selector: string, text: string | null = null): Promise<void> {
  return page.evaluate(([s, t]) => (globalThis as unknown as ProbeWindow).__benchWatch(s, t), [selector, text] as const);
}

export interface PageTimes {
  seen: Seen;
  calls: CallTiming[];
  clickAt: number | null;
  firstContentfulPaint: number | null;
}

/** Waits for the watched selector's paint and returns it with the page's call timings. */
export function pageTimes(page: Page): Promise<PageTimes> {
  return page.evaluate(async () => {
    const win = globalThis as unknown as ProbeWindow;
    if (win.__benchSeen === null) throw new Error('nothing watched');
    // A screen that never shows what is watched (an error, an unexpected screen) fails the run instead of hanging it.
    const seen = await Promise.race([
      win.__benchSeen,
      new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error('the watched rows were not painted within 60 s')), 60_000)),
    ]);
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { seen, calls: win.__benchCalls, clickAt: win.__benchClickAt, firstContentfulPaint: fcp === undefined ? null : fcp.startTime };
  });
}

/**
 * What Electron's IPC would cost the page for the last answer to `method`: a structured clone of it (Electron
 * sends call results by structured clone; the harness's Playwright binding goes through JSON and the DevTools
 * protocol instead, which is many times slower). Median of three, in ms.
 */
export function structuredCloneMs(page: Page, method: string): Promise<number> {
  return page.evaluate((m) => {
    const answer = (globalThis as unknown as ProbeWindow).__benchAnswers[m];
    const times = [0, 1, 2].map(() => {
      const start = performance.now();
      structuredClone(answer);
      return performance.now() - start;
    });
    return times.sort((a, b) => a - b)[1]!;
  }, method);
}
