import { isAppUrl } from './app-protocol';

export type RequestDecision = 'allow' | 'cancel';

export interface RequestFilterOptions {
  isPackaged: boolean;
}

/**
 * Decides every request the session makes. Confide makes no network requests at all: only the app's
 * own files are allowed, plus the devtools front end in unpackaged (developer) runs. Everything else,
 * http(s), ws(s), file, data, blob, chrome, another app:// host, is cancelled.
 */
export function decideRequest(url: string, options: RequestFilterOptions): RequestDecision {
  if (isAppUrl(url)) return 'allow';
  if (!options.isPackaged && url.startsWith('devtools://')) return 'allow';
  return 'cancel';
}
