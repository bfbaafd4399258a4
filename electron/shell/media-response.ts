import { Readable } from 'node:stream';
import type { MediaResponse } from '../core/types';
import { appResponseHeaders } from './csp';

/**
 * The core's answer for a recording as the Response app:// sends: the bytes stream from the core's decrypting
 * stream (Readable.toWeb), so nothing is buffered here. A stream that fails part-way (damage, a lock) errors the
 * body, and Electron aborts the response: the player sees a network error, never a short file.
 */
export function mediaResponse(media: MediaResponse): Response {
  const contentType = media.headers['Content-Type'] ?? 'text/plain; charset=utf-8';
  const headers = { ...appResponseHeaders(contentType), ...media.headers };
  if (media.body === null) return new Response(media.message ?? '', { status: media.status, headers });
  return new Response(Readable.toWeb(media.body) as ReadableStream<Uint8Array>, { status: media.status, headers });
}
