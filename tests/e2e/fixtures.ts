import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { extname, join, resolve, sep } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type Route, type TestInfo } from '@playwright/test';
import { createCore } from '../../electron/core/core';
import type { Core, LockReason } from '../../electron/core/types';
import type { Progress } from '../../shared/progress';
import { TEST_KDF, TestDoor } from '../support/vault-fixture';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/csp';
import { flushThenLock, LOCK_FLUSH_BOUND_MS } from '../../electron/shell/flush-then-lock';
import { recordingIdOfPath } from '../../shared/bridge';

export { expect };

export const ORIGIN = 'http://confide.test';
export const START_URL = `${ORIGIN}/index.html`;


/** The header the Electron main process sends with every app:// page: the app's own constant. */
const CSP = CONTENT_SECURITY_POLICY;

const DIST = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots', import.meta.url));

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export const PRACTICE = 'Riverside Counselling';
export const USER = 'Sam Okafor';
export const PASSPHRASE = 'copper lantern orchard drift';

/**
 * A clock the test owns: the core sees 14:32 on 23 November 2026 until the test moves it, so dates on
 * screen and the unlock back-off are the same on every run.
 */
export class TestClock {
  private ms = Date.parse('2026-11-23T14:32:00Z');
  readonly now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** A fresh vault folder with a real core, as the Electron main process would hold it. */
export class Vault {
  readonly clock = new TestClock();
  readonly core: Core;
  private deliver: () => Promise<unknown> = () => Promise.resolve();
  private delivered: Promise<unknown> = Promise.resolve();
  private flush: () => Promise<void> = () => Promise.resolve();
  /** The same lock flow as electron/main.ts: ask the page to save its draft, wait (bounded), then lock. */
  private readonly requestLock = flushThenLock({
    flush: () => this.flush(),
    lock: (reason) => this.core.lock(reason),
    isUnlocked: () => this.core.isUnlocked(),
    boundMs: LOCK_FLUSH_BOUND_MS,
  });
  /** What happened at each lock from main, in order, for tests of "lock requested → flushed → locked". */
  readonly lockEvents: string[] = [];
  /** Every recording request the page made, as the core answered it: for checking range requests. */
  readonly mediaResponses: Array<{ range: string | null; status: number; contentRange: string | null }> = [];
  /** Every progress event a call from the page was sent, in order (the harness's view of the IPC events). */
  readonly progressSeen: Progress[] = [];
  /** The paths the system's file and folder dialogs will answer next, in order (none left: cancelled). */
  readonly dialogAnswers: Array<string | null> = [];

  /** As the person would pick a file or folder in the system dialog the app opens next. */
  willChoose(...paths: Array<string | null>): void {
    this.dialogAnswers.push(...paths);
  }

  constructor(readonly dir: string) {
    this.core = createCore({ vaultDir: dir, kdf: TEST_KDF, clock: this.clock.now });
    this.core.onLocked((reason) => {
      this.lockEvents.push(`locked:${reason}`);
      this.delivered = this.deliver();
    });
  }

  /** How a lock reaches the renderer (the preload's IPC listener in the real app). */
  deliverLocksWith(deliver: () => Promise<unknown>): void {
    this.deliver = deliver;
  }

  /** How "save your draft, a lock is coming" reaches the renderer. */
  requestFlushWith(flush: () => Promise<void>): void {
    this.flush = async () => {
      this.lockEvents.push('lock-requested');
      await flush();
      this.lockEvents.push('flushed');
    };
  }

  /** Calls the core directly, as the main process would: for setting up state a test is not about. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    return new TestDoor(this.core).call(method, input);
  }

  /** Creates the vault without the UI (its recovery code confirmed as kept); it is left unlocked. */
  async create(): Promise<{ recoveryCode: string }> {
    const { recoveryCode } = await this.call('vault.create', { practiceName: PRACTICE, userName: USER, passphrase: PASSPHRASE });
    await this.call('vault.confirmRecoveryCode', {});
    return { recoveryCode };
  }

  /**
   * Locks from "main" as idle, suspend, screen lock or quit would (the page saves its draft first) and waits
   * until the page has been told.
   */
  async lockFromMain(reason: LockReason = 'idle'): Promise<void> {
    await this.requestLock(reason);
    await this.delivered;
  }
}

interface Fixtures {
  vault: Vault;
  /** Opens the app at its start page. */
  openApp(): Promise<void>;
  /** Saves a screenshot under test-results/screenshots/. */
  saveScreenshot(name: string): Promise<void>;
  /** Runs axe on the current screen and fails on serious or critical violations. */
  checkAccessibility(screen: string): Promise<void>;
}

/** What the init script adds to the page's window; only the harness and the bridge use these. */
interface HarnessWindow {
  confide: unknown;
  print: () => void;
  __confideCall(method: string, input: unknown, callId: string | null): Promise<unknown>;
  __confideProgress(callId: string, progress: unknown): void;
  __confideCspViolation(description: string): void;
  __confideFireLocked(): void;
  __confideRequestFlush(): Promise<void>;
  __confideChoose(kind: string, purpose: string): Promise<string | null>;
  __confidePrintCount: number;
  document: {
    addEventListener(
      type: string,
      listener: (event: { violatedDirective: string; blockedURI: string; sourceFile: string; lineNumber: number }) => void,
    ): void;
  };
}

/** Runs in the page before any of its scripts: the stand-in for the Electron preload. */
function installBridge(): void {
  const win = globalThis as unknown as HarnessWindow;
  const listeners = new Set<() => void>();
  const flushers = new Set<() => Promise<unknown>>();
  const progressListeners = new Map<string, (progress: unknown) => void>();
  let calls = 0;
  win.__confideProgress = (callId, progress) => progressListeners.get(callId)?.(progress);
  Object.defineProperty(win, 'confide', {
    value: Object.freeze({
      // As the preload does: a call that wants progress gets an id its events carry.
      call: async (method: string, input: unknown, onProgress?: (progress: unknown) => void) => {
        const callId = onProgress ? `call-${(calls += 1)}` : null;
        if (callId && onProgress) progressListeners.set(callId, onProgress);
        try {
          return await win.__confideCall(method, input, callId);
        } finally {
          if (callId) progressListeners.delete(callId);
        }
      },
      onLocked(listener: () => void) {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
      onLockRequested(listener: () => Promise<unknown>) {
        flushers.add(listener);
        return () => {
          flushers.delete(listener);
        };
      },
      chooseFile: (purpose: string) => win.__confideChoose('file', purpose),
      chooseFolder: (purpose: string) => win.__confideChoose('folder', purpose),
    }),
  });
  win.__confideFireLocked = () => {
    for (const listener of listeners) listener();
  };
  win.__confideRequestFlush = async () => {
    await Promise.allSettled([...flushers].map((flush) => flush()));
  };
  // Headless Chromium has no print dialog; count the calls instead.
  win.__confidePrintCount = 0;
  win.print = () => {
    win.__confidePrintCount += 1;
  };
  win.document.addEventListener('securitypolicyviolation', (event) => {
    win.__confideCspViolation(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
  });
}

/**
 * A recording's bytes through the same core function the app:// handler calls (readRecording), byte ranges
 * and all. Playwright's route answers with a whole body, so the harness gathers the core's stream for the one
 * range asked for; a stream that fails part-way aborts the request, as Electron does.
 */
async function serveRecording(route: Route, vault: Vault, recordingId: string): Promise<void> {
  const range = route.request().headers()['range'] ?? null;
  const media = await vault.core.readRecording(recordingId, range);
  vault.mediaResponses.push({ range, status: media.status, contentRange: media.headers['Content-Range'] ?? null });
  if (media.body === null) return route.fulfill({ status: media.status, headers: media.headers, body: media.message ?? '' });
  const parts: Buffer[] = [];
  try {
    for await (const part of media.body) parts.push(part as Buffer);
  } catch {
    return route.abort('failed');
  }
  return route.fulfill({ status: media.status, headers: media.headers, body: Buffer.concat(parts) });
}

async function serveDist(page: Page, vault: Vault): Promise<void> {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const recordingId = recordingIdOfPath(url.pathname);
    if (recordingId !== null) return serveRecording(route, vault, recordingId);
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = resolve(DIST, `.${relative}`);
    if (!file.startsWith(DIST + sep)) return route.fulfill({ status: 403, body: '' });
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return route.fulfill({ status: 404, body: '' });
    }
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    return route.fulfill({
      status: 200,
      body,
      headers: {
        'content-type': type,
        ...(type.startsWith('text/html') ? { 'content-security-policy': CSP } : {}),
      },
    });
  });
}

export const test = base.extend<Fixtures>({
  vault: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'confide-e2e-'));
    const vault = new Vault(dir);
    await use(vault);
    vault.core.lock('shutdown');
    await rm(dir, { recursive: true, force: true });
  },

  page: async ({ page, vault }, use) => {
    const offOrigin: string[] = [];
    const cspViolations: string[] = [];
    const pageErrors: string[] = [];

    // Every request is seen here; anything not for the app's own origin is recorded, then refused by the
    // catch-all context route (page routes, which serve the app, take precedence over context routes).
    page.on('request', (request) => {
      if (!request.url().startsWith(`${ORIGIN}/`)) offOrigin.push(request.url());
    });
    await page.context().route('**/*', (route) => route.abort('blockedbyclient'));
    page.on('websocket', (socket) => offOrigin.push(socket.url()));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await serveDist(page, vault);

    await page.exposeBinding('__confideCall', (_source, method: string, input: unknown, callId: string | null) =>
      vault.core.call(
        method,
        input,
        callId === null
          ? {}
          : {
              onProgress: (progress) => {
                vault.progressSeen.push(progress);
                void page
                  .evaluate(([id, p]) => (globalThis as unknown as HarnessWindow).__confideProgress(id, p), [callId, progress] as const)
                  .catch(() => undefined);
              },
            },
      ),
    );
    await page.exposeBinding('__confideChoose', () => vault.dialogAnswers.shift() ?? null);
    await page.exposeBinding('__confideCspViolation', (_source, description: string) => {
      cspViolations.push(description);
    });
    await page.addInitScript(installBridge);
    vault.deliverLocksWith(() =>
      page.evaluate(() => (globalThis as unknown as HarnessWindow).__confideFireLocked()).catch(() => undefined),
    );
    vault.requestFlushWith(() =>
      page.evaluate(() => (globalThis as unknown as HarnessWindow).__confideRequestFlush()).catch(() => undefined),
    );
    // The page's own clock starts at the core's test time too, so nothing in the app can see the real date.
    await page.clock.install({ time: vault.clock.now() });

    await use(page);

    expect(offOrigin, 'requests that left the app origin').toEqual([]);
    expect(cspViolations, 'Content-Security-Policy violations').toEqual([]);
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  },

  openApp: async ({ page }, use) => {
    await use(async () => {
      await page.goto(START_URL);
    });
  },

  saveScreenshot: async ({ page }, use) => {
    await mkdir(SCREENSHOTS, { recursive: true });
    await use(async (name) => {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
    });
  },

  checkAccessibility: async ({ page }, use, testInfo: TestInfo) => {
    await use(async (screen) => {
      const results = await new AxeBuilder({ page }).analyze();
      await testInfo.attach(`axe-${screen}.json`, {
        body: JSON.stringify(results.violations, null, 2),
        contentType: 'application/json',
      });
      const minor = results.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
      for (const violation of minor) {
        testInfo.annotations.push({
          type: 'axe',
          description: `${screen}: ${violation.id} (${violation.impact ?? 'unknown'}) on ${violation.nodes.length} node(s)`,
        });
      }
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious, `serious or critical accessibility problems on ${screen}`).toEqual([]);
    });
  },
});

/** How many times the page asked to print (window.print is replaced by a counter in the harness). */
export function printCount(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as HarnessWindow).__confidePrintCount);
}
