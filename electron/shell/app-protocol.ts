import path from 'node:path';
import { recordingIdOfPath } from '../../shared/bridge';

/** The renderer is served from app://confide/, a privileged (standard, secure) scheme of our own. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'confide';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export interface AppFile {
  filePath: string;
  contentType: string;
}

// Only the kinds of file a Vite build emits; anything else is refused rather than guessed.
const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** True for a URL on our own origin (app://confide), with no credentials or port. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && isAppOrigin(parsed);
}

/**
 * Maps an app:// URL to a file under `rendererRoot`, or null if the URL names another host, a file
 * type we do not serve, or any path that could step outside the root (`..`, encoded `%2e%2e`,
 * encoded separators, NUL, drive letters).
 */
export function resolveAppFile(url: string, rendererRoot: string): AppFile | null {
  const parsed = parse(url);
  if (parsed === null || !isAppOrigin(parsed)) return null;

  const rawSegments = parsed.pathname.split('/').slice(1);
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  if (segments.length === 0 || segments.at(-1) === '') segments.splice(-1, 1, 'index.html');
  if (segments.some((segment) => segment === '')) return null;

  const root = path.resolve(rendererRoot);
  const filePath = path.resolve(root, ...segments);
  if (!filePath.startsWith(root + path.sep)) return null;

  const contentType = contentTypes[path.extname(filePath).toLowerCase()];
  return contentType === undefined ? null : { filePath, contentType };
}

/** The recording an app:// URL asks for (app://confide/recordings/<id>), or null for anything else. */
export function recordingIdOf(url: string): string | null {
  const parsed = parse(url);
  return parsed !== null && isAppOrigin(parsed) ? recordingIdOfPath(parsed.pathname) : null;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function isAppOrigin(url: URL): boolean {
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
